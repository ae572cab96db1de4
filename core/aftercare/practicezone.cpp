#include "aftercare/practicezone.h"

#include "repositories/practicesettingsrepository.h"

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

} // namespace aftercare
