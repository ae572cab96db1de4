#pragma once

#include <QDateTime>
#include <QString>

namespace aftercare {

// The locale's short time format without seconds ("HH:mm", "h:mm AP"): some locales (C, which
// a server's account often has) write seconds in their short form, and no time in Aftercare
// is kept to the second. ui's displayformat and core's messages both use it.
QString clockTimeFormat();
// The locale's short date and the clock time: "12.05.26 09:30", for messages core writes.
QString clockDateTimeText(const QDateTime& time);

} // namespace aftercare
