#pragma once

#include "error.h"
#include "search/clientmatch.h"
#include "search/clientsearch.h"
#include "search/searchtext.h"

#include <QAbstractTableModel>

#include <vector>

namespace aftercare {
class Database;
}

namespace aftercare::ui {

// The client finder's results, lazily: the first page of matches when the text changes, the
// next page only when the view scrolls to the end. Ordering and filtering happen in SQL
// (ClientSearch); the model only formats.
class ClientMatchModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        DateOfBirthColumn,
        PhoneColumn,
        ExternalIdColumn,
        NextAppointmentColumn,
        PractitionerColumn,
        ColumnCount
    };
    enum Role
    {
        ClientIdRole = Qt::UserRole + 1
    };
    static constexpr int kPageSize = 20;
    static constexpr int kMaximumRows = 200;

    explicit ClientMatchModel(Database& database, QObject* parent = nullptr);

    // Replaces the results with the first page of matches for text.
    Status search(const QString& text);
    const SearchText& searchText() const { return m_text; }
    ClientId clientAt(int row) const;
    const ClientMatch* matchAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

signals:
    void searchFailed(const QString& message);

private:
    ClientSearch m_search;
    SearchText m_text;
    std::vector<ClientMatch> m_rows;
    bool m_exhausted = true;
    // While a reset or an insertion is being announced, views (and QAbstractItemModelTester)
    // may ask for more; that must wait until the change is complete.
    bool m_changing = false;
};

} // namespace aftercare::ui
