// Tense binding: a reported past event ends on or before its source's
// publication (and so before the corpus was retrieved); a planned event
// starts after the publication.
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "claims/calendar.h"
#include "solver/encoders/encoder.h"

namespace claimcheck {

using namespace claimcheck::v1;  // NOLINT: the schema's own names.

namespace {

void CollectEvent(const TimeRef& ref, std::vector<std::string>& out) {
  if (ref.has_event()) out.push_back(ref.event());
}

// The events a claim of an encoded kind names; its subject first.
std::vector<std::string> EventsOf(const Claim& claim) {
  std::vector<std::string> events;
  if (claim.has_date()) {
    CollectEvent(claim.date().subject(), events);
    if (claim.date().has_before()) {
      CollectEvent(claim.date().before().reference(), events);
    }
    if (claim.date().has_after()) {
      CollectEvent(claim.date().after().reference(), events);
    }
  } else if (claim.has_gap()) {
    CollectEvent(claim.gap().to(), events);
    CollectEvent(claim.gap().from(), events);
  }
  return events;
}

}  // namespace

void BindTense(const Claim& claim, Encoding& encoding, Encoded& encoded) {
  const std::vector<std::string> events = EventsOf(claim);
  if (events.empty()) return;
  const Provenance& p = claim.provenance();
  const Source& source = encoding.source(p.source());
  // The latest day the publication can be, for the bound's text.
  int64_t latest = CalendarDateInterval(source.retrieved())->last;
  if (source.has_published()) {
    latest = std::min(latest, DateSpecInterval(source.published())->last);
  }
  switch (p.modality()) {
    case MODALITY_UNSPECIFIED:
    case MODALITY_REPORTED: {
      absl::flat_hash_set<std::string> seen;
      for (const std::string& e : events) {
        if (!seen.insert(e).second) continue;
        const Span span = encoding.EventSpan(e);
        encoded.constraint =
            encoded.constraint &&
            span.last <= encoding.PublishedForTense(p.source(), true);
        DirectBound b{absl::StrCat("event:", e), span.name,
                      absl::StrCat("reported as past by '", p.source(),
                                   "', so over by its publication (",
                                   source.has_published() ? "" : "at the latest ",
                                   FormatDay(latest), ")")};
        b.last_day = latest;
        encoded.bounds.push_back(b);
      }
      break;
    }
    case MODALITY_PLANNED: {
      const Span span = encoding.EventSpan(events.front());
      encoded.constraint =
          encoded.constraint &&
          span.first > encoding.PublishedForTense(p.source(), false);
      break;
    }
    default:
      break;  // cancelled or hypothetical: no binding
  }
}

}  // namespace claimcheck
