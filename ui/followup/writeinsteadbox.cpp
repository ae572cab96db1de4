#include "writeinsteadbox.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace aftercare::ui {

WriteInsteadBox::WriteInsteadBox(const CallContext& c, QWidget* parent)
    : QGroupBox(tr("Write to them"), parent)
    , m_channel(new QComboBox(this))
    , m_note(new QLineEdit(this))
    , m_callInstead(
          new QPushButton(c.canCall ? tr("&Call instead…") : tr("&Reached another way…"), this))
{
    setObjectName(QStringLiteral("writeInstead"));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    const QString name = c.client.displayName();
    auto* why = new QLabel(
        c.canCall ? tr("%1 could not be reached by phone: write to them.").arg(name)
                  : tr("There is no phone number for %1: write to them instead.").arg(name),
        this);
    why->setObjectName(QStringLiteral("writeWhy"));
    why->setWordWrap(true);

    m_channel->setObjectName(QStringLiteral("writeChannel"));
    const QString address = c.client.address.section(QLatin1Char('\n'), 0, 0).trimmed();
    for (const Channel channel : c.writeChannels) {
        if (channel == Channel::Email && c.client.email)
            m_channel->addItem(tr("Email to %1").arg(c.client.email->value()), int(channel));
        else if (channel == Channel::Letter)
            m_channel->addItem(address.isEmpty() ? tr("Letter (no postal address on file)")
                                                 : tr("Letter to %1").arg(address),
                               int(channel));
    }
    m_note->setObjectName(QStringLiteral("writeNote"));
    m_note->setPlaceholderText(c.task.kind == TaskKind::DetractorCallback
                                   ? tr("What did you offer them? (required)")
                                   : tr("What was sent (optional)"));
    auto* form = new QFormLayout;
    form->addRow(tr("&Send by:"), m_channel);
    form->addRow(tr("&Note:"), m_note);

    auto* sent = new QPushButton(tr("&Mark as sent"), this);
    sent->setObjectName(QStringLiteral("markWritten"));
    m_callInstead->setObjectName(QStringLiteral("logCallInstead"));
    m_callInstead->setToolTip(tr("Log a call: they called in, or a number was found."));
    auto* actions = new QHBoxLayout;
    actions->addWidget(sent);
    actions->addStretch();
    actions->addWidget(m_callInstead);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(why);
    layout->addLayout(form);
    layout->addLayout(actions);
    connect(sent, &QPushButton::clicked, this, &WriteInsteadBox::sentMarked);
    connect(m_callInstead, &QPushButton::clicked, this, &WriteInsteadBox::callChosen);
}

Channel WriteInsteadBox::channel() const
{
    return static_cast<Channel>(m_channel->currentData().toInt());
}

QString WriteInsteadBox::note() const
{
    return m_note->text().trimmed();
}

void WriteInsteadBox::setCallOffered(bool offered)
{
    m_callInstead->setVisible(offered);
}

void WriteInsteadBox::focusChannel()
{
    m_channel->setFocus();
}

} // namespace aftercare::ui
