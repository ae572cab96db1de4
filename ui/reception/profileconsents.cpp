#include "reception/profileconsents.h"

#include "common/displayformat.h"
#include "common/messagelabel.h"
#include "common/vocabularytext.h"
#include "repositories/clientrepository.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace aftercare::ui {

ProfileConsents::ProfileConsents(Database& database, const Actor& actor, QWidget* parent)
    : QWidget(parent)
    , m_database(database)
    , m_actor(actor)
    , m_history(new QTreeWidget(this))
    , m_purpose(new QComboBox(this))
    , m_channel(new QComboBox(this))
    , m_decision(new QComboBox(this))
    , m_evidence(new QLineEdit(this))
    , m_record(new QPushButton(tr("Re&cord"), this))
    , m_message(new MessageLabel(this))
{
    m_history->setObjectName(QStringLiteral("profileConsentHistory"));
    m_history->setRootIsDecorated(false);
    m_history->setHeaderLabels(
        {tr("Purpose"), tr("Decision"), tr("Recorded"), tr("By"), tr("Evidence")});
    m_history->setAccessibleName(tr("Consent history, newest first"));
    m_history->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_history->header()->setStretchLastSection(true);
    m_purpose->setObjectName(QStringLiteral("profileConsentPurpose"));
    for (ConsentPurpose purpose : allOf<ConsentPurpose>())
        m_purpose->addItem(consentPurposeName(purpose), int(purpose));
    m_channel->setObjectName(QStringLiteral("profileConsentChannel"));
    for (ConsentChannel channel : allOf<ConsentChannel>())
        m_channel->addItem(consentChannelName(channel), int(channel));
    m_decision->setObjectName(QStringLiteral("profileConsentDecision"));
    m_decision->addItem(tr("agrees"), true);
    m_decision->addItem(tr("declines"), false);
    m_evidence->setObjectName(QStringLiteral("profileConsentEvidence"));
    m_evidence->setPlaceholderText(tr("Evidence, e.g. asked at the desk"));
    m_record->setObjectName(QStringLiteral("profileConsentRecord"));
    m_message->setObjectName(QStringLiteral("profileConsentMessage"));

    auto* row = new QHBoxLayout;
    row->addWidget(m_purpose, 1);
    row->addWidget(m_channel);
    row->addWidget(m_decision);
    auto* evidenceRow = new QHBoxLayout;
    evidenceRow->addWidget(m_evidence, 1);
    evidenceRow->addWidget(m_record);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_history, 1);
    layout->addLayout(row);
    layout->addLayout(evidenceRow);
    layout->addWidget(m_message);
    connect(m_record, &QPushButton::clicked, this, &ProfileConsents::record);
    connect(m_evidence, &QLineEdit::returnPressed, this, &ProfileConsents::record);
}

void ProfileConsents::showConsents(ClientId client, const std::vector<Consent>& history,
                                   const QHash<qint64, QString>& userNames)
{
    m_client = client;
    m_history->clear();
    for (const Consent& consent : history) {
        QString decision = (consent.granted ? tr("agrees, %1") : tr("declines, %1"))
                               .arg(consentChannelName(consent.channel));
        if (!consent.isActive())
            decision = tr("%1, withdrawn %2").arg(decision, dateText(consent.withdrawnAt.date()));
        auto* item = new QTreeWidgetItem(m_history, {consentPurposeName(consent.purpose), decision,
                                                     dateText(consent.recordedAt.date()),
                                                     userNames.value(consent.recordedBy.value()),
                                                     consent.evidence});
        if (!consent.isActive())
            for (int column = 0; column < item->columnCount(); ++column)
                item->setForeground(column, m_history->palette().placeholderText());
    }
}

void ProfileConsents::record()
{
    if (!m_client.isValid())
        return;
    Consent consent;
    consent.client = m_client;
    consent.purpose = ConsentPurpose(m_purpose->currentData().toInt());
    consent.channel = ConsentChannel(m_channel->currentData().toInt());
    consent.granted = m_decision->currentData().toBool();
    consent.evidence = m_evidence->text().trimmed();
    if (auto saved = ClientRepository(m_database).recordConsent(consent, m_actor); !saved) {
        m_message->showError(saved.error().message);
        return;
    }
    m_evidence->clear();
    m_message->showSuccess(
        tr("Recorded: %1 %2 (%3).")
            .arg(m_decision->currentText(), m_purpose->currentText(), m_channel->currentText()));
    emit recorded(m_client);
}

} // namespace aftercare::ui
