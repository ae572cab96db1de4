#include "resulttrendview.h"

#include "common/displayformat.h"
#include "common/vocabularytext.h"
#include "resultvaluetext.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace aftercare::ui {

namespace {

const ResultValue* valueOf(const TestResult& result, const QString& analyte)
{
    for (const ResultValue& value : result.values)
        if (value.analyte == analyte)
            return &value;
    return nullptr;
}

} // namespace

ResultTrendView::ResultTrendView(QWidget* parent)
    : QWidget(parent)
    , m_table(new QTableWidget(this))
    , m_directions(new QLabel(this))
{
    setObjectName(QStringLiteral("resultTrendView"));
    m_table->setObjectName(QStringLiteral("resultTrend"));
    m_directions->setObjectName(QStringLiteral("resultTrendDirection"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->setAccessibleName(tr("Earlier results of this test"));
    m_directions->setWordWrap(true);
    m_directions->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_directions);
    layout->addWidget(m_table, 1);
}

QString ResultTrendView::toldText(const TestResult& result, const QDateTime& discussedAt)
{
    QStringList said;
    if (result.status == ResultStatus::Communicated && result.communicatedAt.isValid())
        said << tr("told %1 (%2)")
                    .arg(dateText(result.communicatedAt.date()),
                         result.communicatedChannel ? channelName(*result.communicatedChannel)
                                                    : QString());
    if (discussedAt.isValid())
        said << tr("discussed in a call %1").arg(dateText(discussedAt.date()));
    if (said.isEmpty())
        return result.status == ResultStatus::Received ? tr("not yet reviewed")
                                                       : tr("not yet told");
    return said.join(QStringLiteral(" · "));
}

void ResultTrendView::showTrend(const TestResult& current,
                                const std::vector<DiscussedResult>& earlier)
{
    std::vector<TestResult> earlierResults;
    earlierResults.reserve(earlier.size());
    for (const DiscussedResult& e : earlier)
        earlierResults.push_back(e.result);
    const std::vector<AnalyteTrend> trends = ResultTrend::of(current, earlierResults);

    QStringList lines;
    for (const AnalyteTrend& trend : trends) {
        if (trend.points.size() < 2)
            continue;
        QStringList values;
        for (const TrendPoint& point : trend.points)
            values << ResultValueText::number(point.value) + ResultValueText::mark(point.position);
        lines << tr("<b>%1</b>: %2 since %3 (%4)")
                     .arg(trend.analyte.toHtmlEscaped(),
                          ResultValueText::direction(trend.direction).toHtmlEscaped(),
                          dateText(trend.points.front().receivedAt.date()),
                          values.join(QStringLiteral(" → ")).toHtmlEscaped());
    }
    if (earlier.empty())
        m_directions->setText(
            tr("No earlier %1 result for this client.").arg(current.testName.toHtmlEscaped()));
    else if (lines.isEmpty())
        m_directions->setText(tr("%n earlier results of this test, none with numbers to compare.",
                                 nullptr, int(earlier.size())));
    else
        m_directions->setText(lines.join(QStringLiteral("<br>")));

    // Columns: received, one per value of this result, told.
    QStringList headers{tr("Received")};
    for (const ResultValue& value : current.values)
        headers << (value.unit.isEmpty() ? value.analyte
                                         : tr("%1 (%2)").arg(value.analyte, value.unit));
    headers << tr("Told / discussed");
    m_table->clear();
    m_table->setColumnCount(int(headers.size()));
    m_table->setHorizontalHeaderLabels(headers);
    m_table->setRowCount(int(earlier.size()) + 1);

    const auto fillRow = [&](int row, const TestResult& result, const QDateTime& discussedAt,
                             bool isCurrent) {
        auto* when = new QTableWidgetItem(
            isCurrent ? tr("%1 (this result)").arg(dateText(result.receivedAt.date()))
                      : dateText(result.receivedAt.date()));
        if (isCurrent) {
            QFont bold = when->font();
            bold.setBold(true);
            when->setFont(bold);
        }
        m_table->setItem(row, 0, when);
        int column = 1;
        for (const ResultValue& value : current.values) {
            const ResultValue* v = valueOf(result, value.analyte);
            auto* item =
                new QTableWidgetItem(v ? (v->numeric ? ResultValueText::number(*v->numeric) +
                                                           ResultValueText::mark(v->rangePosition())
                                                     : v->text)
                                       : QString());
            if (v && ResultValueText::isOutside(*v))
                ResultValueText::highlight(item);
            if (v)
                item->setToolTip(ResultValueText::range(*v));
            m_table->setItem(row, column++, item);
        }
        m_table->setItem(row, column, new QTableWidgetItem(toldText(result, discussedAt)));
    };
    fillRow(0, current, {}, true);
    int row = 1;
    for (const DiscussedResult& e : earlier)
        fillRow(row++, e.result, e.discussedAt, false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
}

} // namespace aftercare::ui
