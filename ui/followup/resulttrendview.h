#pragma once

#include "aftercare/resulttrend.h"
#include "repositories/resultrepository.h"

#include <QWidget>

#include <vector>

class QLabel;
class QTableWidget;

namespace aftercare::ui {

// A result beside the client's earlier results of the same test: a compact table, one row per
// analyte and one column per date (oldest first, this result last), high ↑ / low ↓ marked,
// which way each analyte went, and a last row saying whether each result was already told or
// discussed. Shows what it is given.
class ResultTrendView : public QWidget
{
    Q_OBJECT

public:
    explicit ResultTrendView(QWidget* parent = nullptr);

    void showTrend(const TestResult& current, const std::vector<DiscussedResult>& earlier);
    // "Told by phone 12.05.2026", "Discussed in a call 12.05.2026", "Not yet told".
    static QString toldText(const TestResult& result, const QDateTime& discussedAt);

private:
    QTableWidget* m_table;
    QLabel* m_directions;
};

} // namespace aftercare::ui
