#pragma once

#include "domain/ids.h"
#include "domain/resultvalue.h"
#include "domain/vocabulary.h"

#include <QDateTime>
#include <QString>

#include <optional>
#include <vector>

namespace aftercare {

// A test result with its clinical content: values, formal report, plain-language summary.
// Only clinicians read it; everyone else sees a ResultStatusView.
struct TestResult
{
    ResultId id;
    ClientId client;
    AppointmentId appointment;
    QString testName;
    QDateTime receivedAt;
    std::vector<ResultValue> values;
    // Nothing on a new result: proposed from the values (abnormal when any value is).
    std::optional<bool> abnormal;
    UserId abnormalConfirmedBy;
    QString formalReport;
    QString summary;
    UserId summarySignedBy;
    QDateTime summarySignedAt;
    ResultStatus status = ResultStatus::Received;
    UserId reviewedBy;
    QDateTime reviewedAt;
    UserId communicatedBy;
    QDateTime communicatedAt;
    std::optional<Channel> communicatedChannel;
    QDateTime createdAt;
    int rowVersion = 0;
};

} // namespace aftercare
