#pragma once

#include "domain/phonenumber.h"
#include "error.h"

#include <QTimeZone>

namespace aftercare {

class PracticeSettingsRepository;

// The practice's time zone: the setting 'practice.timezone' when it names a zone this
// computer knows, the computer's own zone otherwise.
Result<QTimeZone> practiceTimeZone(const PracticeSettingsRepository& settings);

// The country whose numbers the practice's staff dial without a country code ("0761 …"):
// the country of the practice's time zone, else that of the default locale, else none.
Result<PhoneRegion> practicePhoneRegion(const PracticeSettingsRepository& settings);

} // namespace aftercare
