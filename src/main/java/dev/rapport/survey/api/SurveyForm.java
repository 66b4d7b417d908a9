package dev.rapport.survey.api;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "SurveyForm",
        description = "What a respondent's app or page renders: the questions in the respondent's locale (falling "
                + "back to the language, then to the survey's default), and the answers saved so far. It says "
                + "nothing about the customer.")
public record SurveyForm(
        @Schema(description = "The survey's name") String title,
        @Schema(description = "The locale of the texts") String locale,

        @Schema(description = "open (nothing saved), partial (answers saved) or completed")
        String status,

        @Schema(description = "When the link stops answering")
        OffsetDateTime expiresAt,

        @Schema(description = "The questions, in order") List<FormQuestion> questions,
        @Schema(description = "The answers saved so far") List<Answer> answers) {}
