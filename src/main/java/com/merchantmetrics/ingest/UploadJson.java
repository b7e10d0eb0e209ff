package com.merchantmetrics.ingest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The JSON answers of the uploads API. */
public final class UploadJson {

    private UploadJson() {
    }

    public record Rows(Long total, long inserted, long updated, long unchanged, Long skipped) {
    }

    public record Issue(long row, String column, String value, String reason, String message) {
        static Issue of(Problem problem) {
            return new Issue(problem.row(), problem.column(), problem.value(), problem.reason(), problem.message());
        }
    }

    public record Preview(List<String> columns, List<List<String>> rows) {
    }

    /** readAs: the preset's id, "mapping" (with the mapping: dataset field → file column) or "canonical". */
    public record Result(long uploadId, String status, String dataset, String readAs, Map<String, String> mapping,
            String encoding, String delimiter, Rows rows, String message, List<Issue> errors, List<Issue> warnings,
            Preview preview) {

        static Result of(ImportService.Outcome outcome, boolean withPreview) {
            UploadParser.Result parse = outcome.parse();
            List<Problem> problems = outcome.problems().list();
            return new Result(outcome.uploadId(), outcome.status(), outcome.dataset().name(),
                    parse.preset() != null ? parse.preset().id() : parse.mapping() != null ? "mapping" : "canonical",
                    parse.mapping() == null ? null : parse.mapping().columns(), parse.encoding(),
                    parse.delimiterName(),
                    new Rows(parse.rows(), outcome.inserted(), outcome.updated(), outcome.unchanged(),
                            parse.rows() - parse.accepted()),
                    outcome.message(),
                    problems.stream().filter(Problem::isError).map(Issue::of).toList(),
                    problems.stream().filter(problem -> !problem.isError()).map(Issue::of).toList(),
                    withPreview ? new Preview(parse.target().stagedColumns(), parse.preview()) : null);
        }
    }

    public record Listed(long uploadId, String fileName, String dataset, String readAs, String mode, String status,
            String uploadedBy, Instant createdAt, Instant finishedAt, Long rowsTotal, Long rowsInserted, Long rowsUpdated,
            long errors, long warnings) {
        static Listed of(UploadRecord record) {
            return new Listed(record.id(), record.fileName(), record.dataset(), record.readAs(), record.mode(), record.status(),
                    record.uploadedBy(), record.createdAt(), record.finishedAt(), record.rowsTotal(), record.rowsInserted(),
                    record.rowsUpdated(), record.errorCount(), record.warningCount());
        }
    }

    public record Refusal(String error, String message) {
    }
}
