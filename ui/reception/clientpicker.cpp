#include "reception/clientpicker.h"

#include "common/displayformat.h"
#include "search/clientsearch.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace aftercare::ui {

ClientPicker::ClientPicker(Database& database, const QString& prefix, QWidget* parent)
    : QWidget(parent)
    , m_database(database)
    , m_search(new QLineEdit(this))
    , m_matches(new QListWidget(this))
    , m_chosen(new QLabel(this))
    , m_clear(new QPushButton(tr("Remove"), this))
{
    m_search->setObjectName(prefix + QStringLiteral("Search"));
    m_search->setPlaceholderText(tr("Search by name, date of birth, phone or e-mail"));
    m_search->setClearButtonEnabled(true);
    m_matches->setObjectName(prefix + QStringLiteral("Matches"));
    m_matches->setMaximumHeight(m_matches->fontMetrics().height() * (kMatches + 1));
    m_matches->setVisible(false);
    m_chosen->setObjectName(prefix + QStringLiteral("Chosen"));
    m_clear->setObjectName(prefix + QStringLiteral("Clear"));
    m_clear->setVisible(false);

    auto* chosenRow = new QHBoxLayout;
    chosenRow->setContentsMargins(0, 0, 0, 0);
    chosenRow->addWidget(m_chosen, 1);
    chosenRow->addWidget(m_clear);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_search);
    layout->addWidget(m_matches);
    layout->addLayout(chosenRow);
    setFocusProxy(m_search);

    connect(m_search, &QLineEdit::textEdited, this, &ClientPicker::search);
    connect(m_matches, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        setClient(ClientId{item->data(Qt::UserRole).toLongLong()},
                  item->data(Qt::UserRole + 1).toString());
        m_search->setFocus();
    });
    connect(m_clear, &QPushButton::clicked, this, &ClientPicker::clear);
    m_search->installEventFilter(this);
}

void ClientPicker::setClient(ClientId client, const QString& name)
{
    m_client = client;
    m_name = name;
    m_chosen->setText(client.isValid() ? tr("Referred by %1").arg(name) : QString());
    m_clear->setVisible(client.isValid());
    m_matches->clear();
    m_matches->setVisible(false);
    m_search->clear();
    emit clientChanged(client);
}

void ClientPicker::clear()
{
    setClient({}, {});
}

void ClientPicker::search(const QString& text)
{
    m_matches->clear();
    auto matches = text.trimmed().isEmpty() ? Result<std::vector<ClientMatch>>()
                                            : ClientSearch(m_database).find(text, kMatches);
    if (!matches) {
        m_chosen->setText(matches.error().message);
        return;
    }
    for (const ClientMatch& match : *matches) {
        const QString name = match.firstName + QLatin1Char(' ') + match.lastName;
        QString line = name;
        if (match.dateOfBirth.isValid())
            line += QStringLiteral(" · ") + dateText(match.dateOfBirth);
        if (!match.phone.isEmpty())
            line += QStringLiteral(" · ") + phoneText(match.phone);
        auto* item = new QListWidgetItem(line, m_matches);
        item->setData(Qt::UserRole, qlonglong(match.id.value()));
        item->setData(Qt::UserRole + 1, name);
    }
    m_matches->setVisible(m_matches->count() > 0);
    if (m_matches->count() > 0)
        m_matches->setCurrentRow(0);
}

bool ClientPicker::eventFilter(QObject* watched, QEvent* event)
{
    // Down moves into the matches, Enter takes the highlighted one without leaving the field.
    if (watched == m_search && event->type() == QEvent::KeyPress && m_matches->isVisible()) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Down) {
            m_matches->setFocus();
            return true;
        }
        if ((key == Qt::Key_Return || key == Qt::Key_Enter) && m_matches->currentItem()) {
            emit m_matches->itemActivated(m_matches->currentItem());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace aftercare::ui
