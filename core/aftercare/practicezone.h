#pragma once

#include "error.h"

#include <QTimeZone>

namespace aftercare {

class PracticeSettingsRepository;

// The practice's time zone: the setting 'practice.timezone' when it names a zone this
// computer knows, the computer's own zone otherwise.
Result<QTimeZone> practiceTimeZone(const PracticeSettingsRepository& settings);

} // namespace aftercare
