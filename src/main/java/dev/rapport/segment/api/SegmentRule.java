package dev.rapport.segment.api;

/** Examples shared by the API documents. */
public final class SegmentRule {

    public static final String EXAMPLE = "tags==vip;lastPurchaseAt=lt=-P60D";

    private SegmentRule() {}
}
