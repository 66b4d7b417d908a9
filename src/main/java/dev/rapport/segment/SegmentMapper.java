package dev.rapport.segment;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

import dev.rapport.segment.api.CreateSegmentRequest;
import dev.rapport.segment.api.SegmentView;

/** Maps segments to their API shapes. */
@Mapper(componentModel = "cdi")
public interface SegmentMapper {

    @Mapping(target = "announceInitialMembers", source = "announceInitial")
    SegmentView toView(Segment segment);

    /** The segment's writable fields, the document a merge patch applies to. */
    @Mapping(target = "announceInitialMembers", source = "announceInitial")
    CreateSegmentRequest toRequest(Segment segment);
}
