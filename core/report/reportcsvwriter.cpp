#include "report/reportcsvwriter.h"

#include "report/reportjsonwriter.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QLocale>

#include <cmath>

namespace aftercare {

namespace {

const QString kIntervalKey = QStringLiteral("ci95");
const QString kMonthKey = QStringLiteral("month");

QString scalarText(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        const double number = value.toDouble();
        // Counts print as whole numbers, never in exponent form.
        if (std::trunc(number) == number && std::fabs(number) < 1e15)
            return QString::number(static_cast<qint64>(number));
        return QString::number(number, 'g', QLocale::FloatingPointShortest);
    }
    case QJsonValue::String:
        return value.toString();
    default:
        return {};
    }
}

class Flattener
{
public:
    void row(const QString& metric, const QString& key, const QString& value)
    {
        m_out += ReportCsvWriter::field(metric) + QLatin1Char(',') + ReportCsvWriter::field(key) +
                 QLatin1Char(',') + ReportCsvWriter::field(value) + QStringLiteral("\r\n");
    }

    void member(const QString& metric, const QString& key, const QJsonValue& value)
    {
        const QString path = metric.isEmpty() ? key : metric + QLatin1Char('.') + key;
        if (value.isObject()) {
            object(path, value.toObject());
        } else if (value.isArray()) {
            array(metric, key, value.toArray());
        } else if (value.isNull() && key == kIntervalKey) {
            // The interval keeps its two rows when it is empty.
            row(metric, key + QStringLiteral("_low"), {});
            row(metric, key + QStringLiteral("_high"), {});
        } else {
            row(metric.isEmpty() ? QStringLiteral("report") : metric, key, scalarText(value));
        }
    }

    void object(const QString& path, const QJsonObject& object)
    {
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            // A row of a month-keyed list carries its month in the path already.
            if (it.key() == kMonthKey && path.endsWith(object.value(kMonthKey).toString()))
                continue;
            member(path, it.key(), it.value());
        }
    }

    void array(const QString& metric, const QString& key, const QJsonArray& array)
    {
        const QString path = metric.isEmpty() ? key : metric + QLatin1Char('.') + key;
        for (int i = 0; i < array.size(); ++i) {
            const QJsonValue element = array.at(i);
            if (element.isObject()) {
                const QString month = element.toObject().value(kMonthKey).toString();
                object(path + QLatin1Char('.') + (month.isEmpty() ? QString::number(i + 1) : month),
                       element.toObject());
            } else if (array.size() == 2) {
                row(metric, key + (i == 0 ? QStringLiteral("_low") : QStringLiteral("_high")),
                    scalarText(element));
            } else {
                row(metric, key + QLatin1Char('_') + QString::number(i + 1), scalarText(element));
            }
        }
    }

    QString m_out;
};

} // namespace

QString ReportCsvWriter::field(const QString& text)
{
    const bool quote = text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"')) ||
                       text.contains(QLatin1Char('\n')) || text.contains(QLatin1Char('\r')) ||
                       (!text.isEmpty() && (text.front().isSpace() || text.back().isSpace()));
    if (!quote)
        return text;
    QString escaped = text;
    escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QByteArray ReportCsvWriter::toCsv(const Report& report)
{
    const QJsonObject json = ReportJsonWriter::toObject(report);
    Flattener flat;
    flat.row(QStringLiteral("metric"), QStringLiteral("key"), QStringLiteral("value"));
    // The order of the JSON report first, then what was added, so the file reads like the report.
    const QStringList order{QStringLiteral("period"),
                            QStringLiteral("filters"),
                            QStringLiteral("lapse_window_days"),
                            QStringLiteral("csat"),
                            QStringLiteral("nps"),
                            QStringLiteral("retention"),
                            QStringLiteral("no_show_rate"),
                            QStringLiteral("rebooking_rate"),
                            QStringLiteral("referral_rate"),
                            QStringLiteral("clv"),
                            QStringLiteral("sla"),
                            QStringLiteral("post_service_delta"),
                            QStringLiteral("cohorts"),
                            QStringLiteral("monthly")};
    for (const QString& key : order)
        flat.member({}, key, json.value(key));
    for (auto it = json.constBegin(); it != json.constEnd(); ++it) {
        if (!order.contains(it.key()))
            flat.member({}, it.key(), it.value());
    }
    return flat.m_out.toUtf8();
}

} // namespace aftercare
