#include "domain/summarytext.h"

#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <optional>

namespace aftercare {

namespace {

// A placeholder is a lower-case word in braces; anything else in braces is ordinary text.
const QRegularExpression& placeholderPattern()
{
    static const QRegularExpression pattern(QStringLiteral("\\{([a-z_]+)\\}"));
    return pattern;
}

QString number(double value)
{
    return QLocale().toString(value, 'g', 6);
}

QString rangeText(const ResultValue& value)
{
    if (value.referenceLow && value.referenceHigh)
        return SummaryText::tr("normal %1–%2")
            .arg(number(*value.referenceLow), number(*value.referenceHigh));
    if (value.referenceLow)
        return SummaryText::tr("normal from %1").arg(number(*value.referenceLow));
    if (value.referenceHigh)
        return SummaryText::tr("normal up to %1").arg(number(*value.referenceHigh));
    return {};
}

QString verdict(const ResultValue& value)
{
    switch (value.rangePosition()) {
    case RangePosition::NotCompared:
        return value.abnormal.value_or(false) ? SummaryText::tr("outside the normal range")
                                              : QString();
    case RangePosition::WithinRange:
        return SummaryText::tr("within the normal range");
    case RangePosition::Low:
        return SummaryText::tr("below the normal range");
    case RangePosition::High:
        return SummaryText::tr("above the normal range");
    }
    return {};
}

// A number that lies inside [low, high], or just outside it, as a laboratory would report it.
double sampleNumber(const ResultValue& reference, bool outside)
{
    const auto low = reference.referenceLow;
    const auto high = reference.referenceHigh;
    if (low && high) {
        const double span = *high - *low;
        if (!outside)
            return *low + span / 2;
        return *high + std::max(span * 0.2, std::abs(*high) * 0.1);
    }
    if (high)
        return outside ? *high * 1.25 : *high * 0.75;
    if (low)
        return outside ? *low * 0.75 : *low * 1.25;
    return 1;
}

bool isOutside(const ResultValue& value)
{
    return value.outsideReferenceRange().value_or(value.abnormal.value_or(false));
}

} // namespace

std::vector<SummaryText::Placeholder> SummaryText::placeholders()
{
    return {
        {QStringLiteral("first_name"), tr("the client's first name")},
        {QStringLiteral("client_name"), tr("the client's full name")},
        {QStringLiteral("test"), tr("the name of the test")},
        {QStringLiteral("date"), tr("the day the result arrived")},
        {QStringLiteral("values"), tr("every value and its normal range")},
        {QStringLiteral("abnormal_values"), tr("only the values out of range")},
        {QStringLiteral("clinician"), tr("your name")},
        {QStringLiteral("practice"), tr("the practice's name")},
        {QStringLiteral("practice_phone"), tr("the practice's phone number")},
    };
}

QStringList SummaryText::unknownPlaceholders(const QString& body)
{
    QStringList known;
    for (const auto& placeholder : placeholders())
        known << placeholder.key;
    QStringList unknown;
    auto matches = placeholderPattern().globalMatch(body);
    while (matches.hasNext()) {
        const QString key = matches.next().captured(1);
        if (!known.contains(key) && !unknown.contains(key))
            unknown << key;
    }
    return unknown;
}

QString SummaryText::valueLines(const std::vector<ResultValue>& values, bool onlyOutsideRange)
{
    QStringList lines;
    for (const ResultValue& value : values) {
        if (onlyOutsideRange && !isOutside(value))
            continue;
        QString shown = value.numeric ? number(*value.numeric) : value.text;
        if (!value.unit.isEmpty())
            shown += QLatin1Char(' ') + value.unit;
        QString line = tr("%1: %2").arg(value.analyte, shown);
        if (const QString range = rangeText(value); !range.isEmpty())
            line += QStringLiteral(" (%1)").arg(range);
        if (const QString said = verdict(value); !said.isEmpty())
            line += tr(", %1").arg(said);
        lines << line;
    }
    return lines.join(QLatin1Char('\n'));
}

std::vector<ResultValue> SummaryText::sampleValues(const QString& testName,
                                                   std::vector<ResultValue> reference,
                                                   bool abnormal)
{
    if (reference.empty()) {
        ResultValue only;
        only.analyte = testName;
        only.text = tr("as the laboratory reports it");
        only.abnormal = abnormal;
        reference.push_back(only);
    }
    bool outsideGiven = false;
    for (ResultValue& value : reference) {
        value.abnormal.reset();
        const bool hasRange = value.referenceLow || value.referenceHigh;
        if (!value.numeric && !hasRange) {
            if (value.text.isEmpty())
                value.text = tr("as the laboratory reports it");
            value.abnormal = abnormal && !outsideGiven;
            outsideGiven = outsideGiven || abnormal;
            continue;
        }
        const bool outside = abnormal && !outsideGiven;
        value.numeric = std::round(sampleNumber(value, outside) * 100) / 100;
        value.text.clear();
        if (!hasRange)
            value.abnormal = outside;
        outsideGiven = outsideGiven || outside;
    }
    return reference;
}

QString SummaryText::render(const QString& body, const SummaryContext& context)
{
    const auto valueOf = [&](const QString& key) -> std::optional<QString> {
        if (key == QLatin1String("first_name"))
            return context.clientFirstName;
        if (key == QLatin1String("client_name"))
            return context.clientName;
        if (key == QLatin1String("test"))
            return context.testName;
        if (key == QLatin1String("date"))
            return QLocale().toString(context.receivedAt.date(), QLocale::LongFormat);
        if (key == QLatin1String("values"))
            return valueLines(context.values, false);
        if (key == QLatin1String("abnormal_values"))
            return valueLines(context.values, true);
        if (key == QLatin1String("clinician"))
            return context.clinicianName;
        if (key == QLatin1String("practice"))
            return context.practiceName;
        if (key == QLatin1String("practice_phone"))
            return context.practicePhone;
        return std::nullopt;
    };

    QString text;
    qsizetype copied = 0;
    auto matches = placeholderPattern().globalMatch(body);
    while (matches.hasNext()) {
        const auto match = matches.next();
        const std::optional<QString> value = valueOf(match.captured(1));
        if (!value)
            continue;
        text += body.mid(copied, match.capturedStart() - copied);
        text += *value;
        copied = match.capturedEnd();
    }
    text += body.mid(copied);
    return text;
}

} // namespace aftercare
