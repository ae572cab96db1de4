#include "reception/clientpanel.h"

#include "common/displayformat.h"
#include "common/messagelabel.h"
#include "common/vocabularytext.h"
#include "repositories/clientrepository.h"

#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QSet>
#include <QShortcut>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace aftercare::ui {

namespace {

QLabel* valueLabel(QWidget* parent, const char* objectName)
{
    auto* label = new QLabel(parent);
    label->setObjectName(QLatin1String(objectName));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setWordWrap(true);
    return label;
}

QLabel* sectionHeading(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setObjectName(QStringLiteral("sectionHeading"));
    return label;
}

} // namespace

ClientPanel::ClientPanel(Database& database, QWidget* parent)
    : QFrame(parent)
    , m_database(database)
    , m_name(valueLabel(this, "clientNameLabel"))
    , m_subtitle(valueLabel(this, "clientSubtitleLabel"))
    , m_phone(valueLabel(this, "clientPhoneLabel"))
    , m_email(valueLabel(this, "clientEmailLabel"))
    , m_address(valueLabel(this, "clientAddressLabel"))
    , m_channel(valueLabel(this, "clientChannelLabel"))
    , m_stage(valueLabel(this, "clientStageLabel"))
    , m_registered(valueLabel(this, "clientRegisteredLabel"))
    , m_referral(valueLabel(this, "clientReferralLabel"))
    , m_consents(new QTreeWidget(this))
    , m_noConsents(new QLabel(tr("No consent has been recorded for this client."), this))
    , m_error(new MessageLabel(this))
    , m_close(new QPushButton(tr("&Close"), this))
    , m_profile(new QPushButton(tr("&Open profile"), this))
    , m_book(new QPushButton(tr("Boo&k…"), this))
{
    setObjectName(QStringLiteral("clientPanel"));
    m_name->setObjectName(QStringLiteral("clientNameLabel"));
    m_name->setProperty("heading", true);
    m_consents->setObjectName(QStringLiteral("consentList"));
    m_consents->setRootIsDecorated(false);
    m_consents->setHeaderLabels({tr("Purpose"), tr("Channel"), tr("Consent")});
    m_consents->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_consents->header()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_consents->header()->setStretchLastSection(true);
    m_consents->setSelectionMode(QAbstractItemView::NoSelection);
    m_consents->setFocusPolicy(Qt::NoFocus);
    m_consents->setAccessibleName(tr("Consents in force"));
    m_noConsents->setObjectName(QStringLiteral("noConsentsLabel"));
    m_noConsents->setWordWrap(true);
    m_error->setObjectName(QStringLiteral("clientPanelError"));
    m_close->setObjectName(QStringLiteral("closeClientButton"));
    m_close->setToolTip(tr("Back to the search (Esc)"));

    auto* contact = new QFormLayout;
    contact->addRow(tr("Phone:"), m_phone);
    contact->addRow(tr("E-mail:"), m_email);
    contact->addRow(tr("Address:"), m_address);
    contact->addRow(tr("Prefers:"), m_channel);

    auto* journey = new QFormLayout;
    journey->addRow(tr("Stage:"), m_stage);
    journey->addRow(tr("Client since:"), m_registered);
    journey->addRow(tr("Came through:"), m_referral);

    auto* top = new QHBoxLayout;
    top->addWidget(m_name, 1);
    top->addWidget(m_book, 0, Qt::AlignTop);
    top->addWidget(m_profile, 0, Qt::AlignTop);
    top->addWidget(m_close, 0, Qt::AlignTop);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_subtitle);
    layout->addWidget(m_error);
    layout->addSpacing(6);
    layout->addWidget(sectionHeading(tr("Contact"), this));
    layout->addLayout(contact);
    layout->addSpacing(6);
    layout->addWidget(sectionHeading(tr("Journey"), this));
    layout->addLayout(journey);
    layout->addSpacing(6);
    layout->addWidget(sectionHeading(tr("Consents in force"), this));
    layout->addWidget(m_noConsents);
    layout->addWidget(m_consents, 1);

    connect(m_close, &QPushButton::clicked, this, &ClientPanel::closeRequested);
    m_profile->setObjectName(QStringLiteral("openProfileButton"));
    m_profile->setToolTip(tr("Everything about this client: history, invoices, timeline (Ctrl+O)"));
    auto* openProfile = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_O), this);
    openProfile->setContext(Qt::WidgetWithChildrenShortcut);
    connect(openProfile, &QShortcut::activated, m_profile, &QPushButton::click);
    connect(m_profile, &QPushButton::clicked, this, [this] {
        if (m_client.isValid())
            emit profileRequested(m_client);
    });
    m_book->setObjectName(QStringLiteral("bookClientButton"));
    m_book->setToolTip(tr("A new appointment for this client"));
    connect(m_book, &QPushButton::clicked, this, [this] {
        if (m_client.isValid())
            emit bookRequested(m_client, m_clientName);
    });
    setFocusProxy(m_close);
}

void ClientPanel::setRow(QLabel* label, const QString& text)
{
    label->setText(text.trimmed().isEmpty() ? tr("—") : text);
}

bool ClientPanel::showClient(ClientId id)
{
    ClientRepository repository(m_database);
    auto client = repository.get(id);
    if (!client) {
        m_error->showError(client.error().message);
        return false;
    }
    auto consents = repository.consents(id);
    m_client = id;
    m_clientName = client->displayName();
    m_error->clearMessage();

    m_name->setText(client->archived ? tr("%1 (archived)").arg(client->displayName())
                                     : client->displayName());
    QStringList subtitle{tr("Client no. %1").arg(client->externalId)};
    if (client->dateOfBirth.isValid())
        subtitle << tr("born %1 (age %2)")
                        .arg(dateText(client->dateOfBirth))
                        .arg(ageOn(client->dateOfBirth, QDate::currentDate()));
    if (client->sex != Sex::Unknown)
        subtitle << sexName(client->sex);
    m_subtitle->setText(subtitle.join(QStringLiteral(" · ")));

    setRow(m_phone, client->phone ? phoneText(*client->phone) : QString());
    setRow(m_email, client->email ? client->email->value() : QString());
    setRow(m_address, client->address);
    setRow(m_channel, contactChannelName(client->preferredChannel));
    setRow(m_stage, journeyStageName(client->stage));
    setRow(m_registered, dateText(client->registeredAt.date()));
    QString referral = client->referralSource;
    if (client->referredBy.isValid()) {
        if (auto referrer = repository.get(client->referredBy))
            referral = tr("recommended by %1").arg(referrer->displayName());
    }
    setRow(m_referral, referral);

    // The decision in force for each purpose and channel is the newest active one; the full
    // history belongs to the client's profile.
    m_consents->clear();
    if (!consents) {
        m_error->showError(consents.error().message);
    } else {
        QSet<QString> decided;
        for (const Consent& consent : *consents) {
            if (!consent.isActive())
                continue;
            const QString key =
                sqlName(consent.purpose) + QLatin1Char('/') + sqlName(consent.channel);
            if (decided.contains(key))
                continue;
            decided.insert(key);
            auto* item = new QTreeWidgetItem(m_consents);
            item->setText(0, consentPurposeName(consent.purpose));
            item->setText(1, consentChannelName(consent.channel));
            item->setText(2, consent.granted ? tr("given") : tr("refused"));
            const QString recorded =
                consent.evidence.isEmpty()
                    ? tr("Recorded on %1").arg(dateText(consent.recordedAt.date()))
                    : tr("Recorded on %1: %2")
                          .arg(dateText(consent.recordedAt.date()), consent.evidence);
            for (int column = 0; column < 3; ++column)
                item->setToolTip(column, recorded);
        }
    }
    // Wide enough for every column, so no consent is cut off or hidden behind a scroll bar.
    m_consents->header()->resizeSections(QHeaderView::ResizeToContents);
    m_consents->setMinimumWidth(m_consents->header()->length() + 2 * m_consents->frameWidth() +
                                m_consents->verticalScrollBar()->sizeHint().width());
    const bool any = m_consents->topLevelItemCount() > 0;
    m_consents->setVisible(any);
    m_noConsents->setVisible(!any && consents.has_value());
    return true;
}

} // namespace aftercare::ui
