#pragma once

#include "domain/vocabulary.h"

#include <QString>

namespace aftercare::ui {

// The practice's vocabulary as people read it, translated.
QString roleName(Role role);
QString sexName(Sex sex);
QString contactChannelName(ContactChannel channel);
QString consentPurposeName(ConsentPurpose purpose);
QString consentChannelName(ConsentChannel channel);
QString journeyStageName(JourneyStage stage);
QString channelName(Channel channel);
QString callOutcomeName(CallOutcome outcome);
QString callNextStepName(CallNextStep step);
QString taskStatusName(TaskStatus status);
QString resultStatusName(ResultStatus status);
QString paymentMethodName(PaymentMethod method);
// "booked", "checked in", "no-show" ...: the one wording of an appointment's status, in the
// diary, its legend, the printed day list and the client's profile.
QString appointmentStatusName(AppointmentStatus status);
// "Discuss a result", "Check-in call", ... (TaskReason::kindText, for the worklist too).
QString taskKindName(TaskKind kind);
// A follow-up task's priority, 1 (most urgent) to 4: "Urgent", "High", "Normal", "Low".
QString taskPriorityName(int priority);
// A touchpoint's kind as the desk reads it ("Welcome pack", "Check-in call"); a practice's
// own kind as it was written.
QString touchpointKindName(const QString& kind);
// A touchpoint's outcome in words: a call's outcome word (no_answer) named ("No answer"),
// any other text as it was written.
QString touchpointOutcomeText(const QString& kind, const QString& outcome);

} // namespace aftercare::ui
