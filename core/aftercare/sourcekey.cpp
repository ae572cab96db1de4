#include "aftercare/sourcekey.h"

namespace aftercare::SourceKey {

QString discussResult(ResultId result)
{
    return QStringLiteral("result:%1:discuss").arg(result.value());
}

QString communicateResult(ResultId result)
{
    return QStringLiteral("result:%1:communicate").arg(result.value());
}

QString checkinCall(AppointmentId visit)
{
    return QStringLiteral("visit:%1:checkin").arg(visit.value());
}

QString detractorCallback(FeedbackId feedback)
{
    return QStringLiteral("feedback:%1:recovery").arg(feedback.value());
}

QString rebookReminder(ClientId client, AppointmentId lastVisit)
{
    return QStringLiteral("client:%1:rebook:%2").arg(client.value()).arg(lastVisit.value());
}

QString annualReview(ClientId client, int year)
{
    return QStringLiteral("client:%1:review:%2").arg(client.value()).arg(year);
}

QString letter(FollowUpTaskId instead)
{
    return QStringLiteral("task:%1:letter").arg(instead.value());
}

} // namespace aftercare::SourceKey
