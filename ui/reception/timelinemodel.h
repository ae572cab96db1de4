#pragma once

#include "auth/actor.h"
#include "domain/touchpoint.h"
#include "error.h"

#include <QAbstractTableModel>
#include <QHash>

#include <optional>
#include <vector>

namespace aftercare {
class Database;
}

namespace aftercare::ui {

// A client's history (TouchpointRepository::timeline: the touchpoints and every answer they
// gave), newest first, read a page at a time as the view scrolls (fetchMore), so a
// long-standing client's profile opens as fast as a new one's. Codes are shown in words.
class TimelineModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        WhenColumn,
        KindColumn,
        StageColumn,
        ChannelColumn,
        OutcomeColumn,
        ByColumn,
        ColumnCount
    };
    static constexpr int kPageSize = 50;

    TimelineModel(Database& database, QObject* parent = nullptr);

    // Who reads the history: a clinician sees the notes of each call too. Without a reader,
    // the history every role may read.
    void setReader(const Actor& reader) { m_reader = reader; }

    // Starts over with client and its first page; userNames names the people who recorded
    // touchpoints.
    void showClient(ClientId client, qint64 total, QHash<qint64, QString> userNames);
    qint64 total() const { return m_total; }
    const Touchpoint& touchpoint(int row) const { return m_rows.at(size_t(row)); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    // The kind of a touchpoint as the desk reads it ("Welcome pack", "Check-in call").
    static QString kindText(const QString& kind);
    // What came of it, in words, with its notes: "No answer — will try after lunch".
    static QString outcomeText(const Touchpoint& touchpoint);

private:
    Result<std::vector<Touchpoint>> page(int offset) const;

    Database& m_database;
    std::optional<Actor> m_reader;
    ClientId m_client;
    qint64 m_total = 0;
    bool m_failed = false;
    bool m_fetching = false; // a view may ask for more while the rows are going in
    QHash<qint64, QString> m_userNames;
    std::vector<Touchpoint> m_rows;
};

} // namespace aftercare::ui
