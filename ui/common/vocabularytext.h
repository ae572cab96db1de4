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

} // namespace aftercare::ui
