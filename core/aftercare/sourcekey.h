#pragma once

#include "domain/ids.h"

#include <QString>

namespace aftercare {

// The reason a follow-up task exists, as its unique source key: generating the same task
// twice finds the first one (followup_tasks.source_key is UNIQUE). Anything that creates
// after-care tasks (the planner, an import, the demo practice) should use these spellings.
namespace SourceKey {

QString discussResult(ResultId result);                           // "result:42:discuss"
QString communicateResult(ResultId result);                       // "result:42:communicate"
QString checkinCall(AppointmentId visit);                         // "visit:7:checkin"
QString detractorCallback(FeedbackId feedback);                   // "feedback:9:recovery"
QString rebookReminder(ClientId client, AppointmentId lastVisit); // "client:3:rebook:7"
QString annualReview(ClientId client, int year);                  // "client:3:review:2027"
QString letter(FollowUpTaskId instead);                           // "task:12:letter"

} // namespace SourceKey

} // namespace aftercare
