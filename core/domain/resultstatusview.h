#pragma once

#include "domain/ids.h"
#include "domain/vocabulary.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace aftercare {

// What every role may know about a result: that it exists and where it is in its
// lifecycle. No values, no summary, and no abnormal flag (that is clinical content too).
struct ResultStatusView
{
    ResultId id;
    ClientId client;
    AppointmentId appointment;
    QString testName;
    QDateTime receivedAt;
    ResultStatus status = ResultStatus::Received;
    bool summarySigned = false;
    QDateTime reviewedAt;
    QDateTime communicatedAt;
    std::optional<Channel> communicatedChannel;
    int rowVersion = 0;
};

} // namespace aftercare
