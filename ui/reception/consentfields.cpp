#include "reception/consentfields.h"

#include "common/vocabularytext.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>

namespace aftercare::ui {

ConsentFields::ConsentFields(QWidget* parent)
    : QWidget(parent)
{
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(12);
    grid->setVerticalSpacing(4);
    int line = 0;
    for (ConsentPurpose purpose : allOf<ConsentPurpose>()) {
        const QString word = sqlName(purpose);
        auto* granted = new QCheckBox(consentPurposeName(purpose), this);
        granted->setObjectName(QStringLiteral("consent_") + word);
        auto* channel = new QComboBox(this);
        channel->setObjectName(QStringLiteral("consentChannel_") + word);
        channel->setAccessibleName(tr("Channel for %1").arg(consentPurposeName(purpose)));
        for (ConsentChannel c : allOf<ConsentChannel>())
            channel->addItem(consentChannelName(c), int(c));
        channel->setEnabled(false);
        connect(granted, &QCheckBox::toggled, channel, &QComboBox::setEnabled);
        grid->addWidget(granted, line, 0);
        grid->addWidget(channel, line, 1);
        m_rows.push_back({purpose, granted, channel});
        ++line;
    }
    // Made after the rows, so that Tab reaches it after them.
    m_evidence = new QLineEdit(this);
    m_evidence->setObjectName(QStringLiteral("consentEvidence"));
    m_evidence->setText(tr("Signed intake form"));
    auto* evidenceLabel = new QLabel(tr("Evide&nce:"), this);
    evidenceLabel->setBuddy(m_evidence);
    grid->addWidget(evidenceLabel, line, 0);
    grid->addWidget(m_evidence, line, 1);
    grid->setColumnStretch(1, 1);
}

std::vector<Consent> ConsentFields::decisions() const
{
    std::vector<Consent> result;
    for (const Row& row : m_rows) {
        Consent consent;
        consent.purpose = row.purpose;
        consent.granted = row.granted->isChecked();
        consent.channel = consent.granted ? ConsentChannel(row.channel->currentData().toInt())
                                          : ConsentChannel::Any;
        consent.evidence = m_evidence->text().trimmed();
        result.push_back(consent);
    }
    return result;
}

void ConsentFields::setChannelSuggestion(ConsentChannel channel)
{
    // Follows the preferred channel until someone picks a channel on purpose.
    for (const Row& row : m_rows)
        if (!row.granted->isChecked())
            row.channel->setCurrentIndex(row.channel->findData(int(channel)));
}

} // namespace aftercare::ui
