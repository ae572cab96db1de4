#include "aftercare/practicezone.h"

#include "repositories/practicesettingsrepository.h"

#include <QLocale>

namespace aftercare {

Result<QTimeZone> practiceTimeZone(const PracticeSettingsRepository& settings)
{
    auto name = settings.setting(PracticeSetting::kTimezone);
    if (!name)
        return fail(name.error());
    const QTimeZone zone(name->trimmed().toUtf8());
    if (!name->trimmed().isEmpty() && zone.isValid())
        return zone;
    return QTimeZone::systemTimeZone();
}

Result<PhoneRegion> practicePhoneRegion(const PracticeSettingsRepository& settings)
{
    auto zone = practiceTimeZone(settings);
    if (!zone)
        return fail(zone.error());
    // "UTC" and the like belong to no country.
    const PhoneRegion region = PhoneRegion::fromTerritory(zone->territory());
    if (region.isKnown())
        return region;
    return PhoneRegion::fromTerritory(QLocale().territory());
}

} // namespace aftercare
