#include "resulttrendview.h"

#include "common/displayformat.h"
#include "common/vocabularytext.h"
#include "resultvaluetext.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

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
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
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
    // Oldest first, this result last: read left to right as time goes.
    std::vector<const DiscussedResult*> ordered;
    std::vector<TestResult> earlierResults;
    for (const DiscussedResult& e : earlier) {
        ordered.push_back(&e);
        earlierResults.push_back(e.result);
    }
    std::sort(ordered.begin(), ordered.end(),
              [](const DiscussedResult* a, const DiscussedResult* b) {
                  return a->result.receivedAt < b->result.receivedAt;
              });
    const std::vector<AnalyteTrend> trends = ResultTrend::of(current, earlierResults);

    if (earlier.empty())
        m_directions->setText(tr("No earlier %1 result for this client.").arg(current.testName));
    else
        m_directions->setText(
            tr("%n earlier results of this test, the first on %1.", nullptr, int(earlier.size()))
                .arg(dateText(ordered.front()->result.receivedAt.date())));

    QStringList headers{tr("Value")};
    for (const DiscussedResult* e : ordered)
        headers << dateText(e->result.receivedAt.date());
    headers << tr("%1\n(this result)").arg(dateText(current.receivedAt.date()));
    headers << tr("Trend");
    m_table->clear();
    m_table->setColumnCount(int(headers.size()));
    m_table->setHorizontalHeaderLabels(headers);
    m_table->setRowCount(int(current.values.size()) + 1);
    const int trendColumn = int(headers.size()) - 1;

    const auto cell = [](const ResultValue* v) {
        auto* item =
            new QTableWidgetItem(v ? (v->numeric ? ResultValueText::number(*v->numeric) +
                                                       ResultValueText::mark(v->rangePosition())
                                                 : v->text)
                                   : QString());
        if (v && ResultValueText::isOutside(*v))
            ResultValueText::highlight(item);
        if (v)
            item->setToolTip(ResultValueText::range(*v));
        return item;
    };
    int row = 0;
    for (const ResultValue& value : current.values) {
        m_table->setItem(row, 0,
                         new QTableWidgetItem(value.unit.isEmpty()
                                                  ? value.analyte
                                                  : tr("%1 (%2)").arg(value.analyte, value.unit)));
        int column = 1;
        for (const DiscussedResult* e : ordered)
            m_table->setItem(row, column++, cell(valueOf(e->result, value.analyte)));
        QTableWidgetItem* now = cell(&value);
        QFont bold = now->font();
        bold.setBold(true);
        now->setFont(bold);
        m_table->setItem(row, column, now);
        for (const AnalyteTrend& trend : trends)
            if (trend.analyte == value.analyte && trend.points.size() >= 2)
                m_table->setItem(row, trendColumn,
                                 new QTableWidgetItem(ResultValueText::direction(trend.direction)));
        ++row;
    }
    // Short in the cell, how and when in its tooltip.
    const auto told = [](const TestResult& result, const QDateTime& discussedAt) {
        QString text;
        if (result.status == ResultStatus::Communicated && result.communicatedAt.isValid())
            text = tr("told %1").arg(dateText(result.communicatedAt.date()));
        else if (discussedAt.isValid())
            text = tr("discussed %1").arg(dateText(discussedAt.date()));
        else
            text = toldText(result, discussedAt);
        auto* item = new QTableWidgetItem(text);
        item->setToolTip(toldText(result, discussedAt));
        return item;
    };
    m_table->setItem(row, 0, new QTableWidgetItem(tr("Told / discussed")));
    int column = 1;
    for (const DiscussedResult* e : ordered)
        m_table->setItem(row, column++, told(e->result, e->discussedAt));
    m_table->setItem(row, column, told(current, {}));
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
}

} // namespace aftercare::ui
