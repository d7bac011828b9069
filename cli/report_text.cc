#include "cli/report_text.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"

namespace claimcheck {
namespace {

using namespace claimcheck::v1;  // NOLINT: the schema's own names.

const char* VerdictWord(Verdict v) {
  switch (v) {
    case VERDICT_CONSISTENT: return "CONSISTENT";
    case VERDICT_INCONSISTENT: return "INCONSISTENT";
    case VERDICT_UNKNOWN: return "UNKNOWN";
    case VERDICT_INVALID_INPUT: return "INVALID_INPUT";
    default: return "UNSPECIFIED";
  }
}

const char* StatusWord(ClaimStatus s) {
  switch (s) {
    case CLAIM_STATUS_CONSISTENT: return "consistent";
    case CLAIM_STATUS_IN_CONFLICT: return "in conflict";
    case CLAIM_STATUS_UNCHECKED: return "unchecked";
    case CLAIM_STATUS_INVALID: return "invalid";
    default: return "?";
  }
}

std::string SupportText(
    const google::protobuf::RepeatedPtrField<std::string>& support) {
  return support.empty() ? "the measure's domain alone"
                         : absl::StrJoin(support, ", ");
}

}  // namespace

int ExitCodeFor(Verdict verdict) {
  switch (verdict) {
    case VERDICT_CONSISTENT: return 0;
    case VERDICT_INCONSISTENT: return 1;
    case VERDICT_UNKNOWN: return 3;
    default: return 2;
  }
}

std::string RenderTextReport(const CheckReport& report) {
  int counts[5] = {0, 0, 0, 0, 0};
  for (const ClaimResult& r : report.claims()) {
    if (r.status() >= 0 && r.status() < 5) ++counts[r.status()];
  }
  std::string out = absl::StrFormat(
      "verdict: %s\nclaims: %d (%d consistent, %d in conflict, %d unchecked, "
      "%d invalid)\n",
      VerdictWord(report.verdict()), report.claims_size(),
      counts[CLAIM_STATUS_CONSISTENT], counts[CLAIM_STATUS_IN_CONFLICT],
      counts[CLAIM_STATUS_UNCHECKED], counts[CLAIM_STATUS_INVALID]);
  if (report.limit() != LIMIT_UNSPECIFIED) {
    absl::StrAppend(&out, "limit hit: ", Limit_Name(report.limit()), " (",
                    report.limit_detail(), ")\n");
  }
  for (int i = 0; i < report.conflicts_size(); ++i) {
    const Conflict& c = report.conflicts(i);
    absl::StrAppend(&out, "\nconflict ", i + 1, " (",
                    c.is_minimal() ? "minimal" : "not proved minimal", ", ",
                    c.members_size(), c.members_size() == 1 ? " claim" : " claims",
                    "): ", c.explanation(), "\n");
    for (const ConflictMember& m : c.members()) {
      absl::StrAppend(&out, "  [", m.claim_id(), "] source '", m.source_id(),
                      "'");
      if (!m.source_title().empty()) {
        absl::StrAppend(&out, " (", m.source_title(), ")");
      }
      absl::StrAppend(&out, ", reliability ", absl::StrFormat("%g", m.reliability()),
                      "\n");
      if (!m.quote().empty()) {
        absl::StrAppend(&out, "      \"", m.quote(), "\"");
        if (m.end() > m.begin()) {
          absl::StrAppend(&out, " [chars ", m.begin(), "-", m.end(), ")");
        }
        absl::StrAppend(&out, "\n");
      }
      absl::StrAppend(&out, "      forces: ", m.forces(), "\n");
    }
  }
  if (report.conflicts_truncated()) {
    absl::StrAppend(&out,
                    "\n(more conflicts may exist: the search stopped at "
                    "max_conflicts or diagnosis_ms)\n");
  }
  if (report.repairs_size() > 0) {
    absl::StrAppend(&out, "\nrepairs (claims to drop, cheapest first; cost = "
                          "the sum of their sources' reliabilities):\n");
  }
  for (int i = 0; i < report.repairs_size(); ++i) {
    const Repair& r = report.repairs(i);
    absl::StrAppend(&out, "  ", i + 1, ". cost ", absl::StrFormat("%g", r.cost()),
                    ": drop ", absl::StrJoin(r.claim_ids(), ", "),
                    r.verified() ? "" : " (not verified: a limit was hit)", "\n");
  }
  if (report.repairs_truncated()) {
    absl::StrAppend(&out, "  (more repairs may exist: diagnosis_ms ran out)\n");
  }
  if (report.derived_size() > 0) {
    absl::StrAppend(&out, "\nderived from the consistent claims:\n");
  }
  for (const DerivedFact& d : report.derived()) {
    absl::StrAppend(&out, "  ", d.subject(), ": ", d.summary(),
                    d.complete() ? "" : " (incomplete: a bound was not settled)", "\n");
    if (!d.lower().empty()) {
      absl::StrAppend(&out, "      lower ", d.lower(), " from ",
                      SupportText(d.lower_support()), "\n");
    }
    if (!d.upper().empty()) {
      absl::StrAppend(&out, "      upper ", d.upper(), " from ",
                      SupportText(d.upper_support()), "\n");
    }
    // The start and end bounds, where they say more than the span.
    if (!d.latest_start().empty() && d.latest_start() != d.upper()) {
      absl::StrAppend(&out, "      latest start ", d.latest_start(), " from ",
                      SupportText(d.latest_start_support()), "\n");
    }
    if (!d.earliest_end().empty() && d.earliest_end() != d.lower()) {
      absl::StrAppend(&out, "      earliest end ", d.earliest_end(), " from ",
                      SupportText(d.earliest_end_support()), "\n");
    }
    for (const std::string& b : d.background()) {
      absl::StrAppend(&out, "      given that ", b, "\n");
    }
  }
  bool header = false;
  for (const ClaimResult& r : report.claims()) {
    if (r.status() == CLAIM_STATUS_CONSISTENT ||
        r.status() == CLAIM_STATUS_IN_CONFLICT) {
      continue;
    }
    if (!header) absl::StrAppend(&out, "\nnot checked:\n");
    header = true;
    absl::StrAppend(&out, "  [", r.claim_id(), "] ", StatusWord(r.status()),
                    ": ", r.detail(), "\n");
  }
  if (report.issues_size() > 0) absl::StrAppend(&out, "\nissues:\n");
  for (const Issue& issue : report.issues()) {
    std::string where;
    if (!issue.file().empty()) {
      where = issue.line() > 0 ? absl::StrCat(issue.file(), ":", issue.line(), ": ")
                               : absl::StrCat(issue.file(), ": ");
    }
    absl::StrAppend(&out, "  ", where,
                    issue.severity() == SEVERITY_WARNING ? "warning" : "error",
                    ": ", issue.claim_id().empty() ? "" : issue.claim_id(),
                    issue.claim_id().empty() ? "" : ": ", issue.field(), ": ",
                    issue.message(), "\n");
  }
  return out;
}

}  // namespace claimcheck
