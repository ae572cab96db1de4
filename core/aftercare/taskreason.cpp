#include "aftercare/taskreason.h"

#include "domain/feedbackscore.h"

#include <QLocale>

namespace aftercare {

namespace {

QString day(const QDate& date)
{
    return QLocale().toString(date, QLocale::ShortFormat);
}

} // namespace

QString TaskReason::kindText(TaskKind kind)
{
    switch (kind) {
    case TaskKind::DiscussResult:
        return tr("Discuss a result");
    case TaskKind::CommunicateResult:
        return tr("Pass on a result");
    case TaskKind::CheckinCall:
        return tr("Check-in call");
    case TaskKind::DetractorCallback:
        return tr("Call back an unhappy client");
    case TaskKind::RebookReminder:
        return tr("Rebook reminder");
    case TaskKind::AnnualReview:
        return tr("Annual review");
    case TaskKind::Letter:
        return tr("Letter");
    }
    return {};
}

QString TaskReason::text(const Facts& f)
{
    const bool aboutResult = !f.testName.isEmpty() && f.receivedOn.isValid();
    const bool aboutVisit = !f.serviceName.isEmpty() && f.visitOn.isValid();
    switch (f.kind) {
    case TaskKind::DiscussResult:
        if (aboutResult)
            return tr("Discuss the %1 result received on %2").arg(f.testName, day(f.receivedOn));
        break;
    case TaskKind::CommunicateResult:
        if (aboutResult)
            return tr("Pass on the %1 result received on %2").arg(f.testName, day(f.receivedOn));
        break;
    case TaskKind::CheckinCall:
        if (aboutVisit)
            return tr("Ask how things are after %1 on %2").arg(f.serviceName, day(f.visitOn));
        break;
    case TaskKind::DetractorCallback:
        if (f.feedbackKind && f.respondedOn.isValid())
            return tr("Answered %1 %2 of %3 on %4")
                .arg(*f.feedbackKind == FeedbackKind::Nps ? tr("NPS") : tr("CSAT"))
                .arg(f.feedbackScore)
                .arg(FeedbackScore::maximum(*f.feedbackKind))
                .arg(day(f.respondedOn));
        break;
    case TaskKind::RebookReminder:
        if (aboutVisit)
            return tr("Nothing booked since %1 on %2").arg(f.serviceName, day(f.visitOn));
        break;
    case TaskKind::AnnualReview:
        if (aboutVisit)
            return tr("A year since the last visit, %1 on %2").arg(f.serviceName, day(f.visitOn));
        break;
    case TaskKind::Letter:
        if (aboutResult)
            return tr("Not reached by phone about the %1 result").arg(f.testName);
        if (aboutVisit)
            return tr("Not reached by phone after %1 on %2").arg(f.serviceName, day(f.visitOn));
        return tr("Not reached by phone");
    }
    return kindText(f.kind);
}

} // namespace aftercare
