#include "reception/profiledetails.h"

#include "common/displayformat.h"
#include "common/messagelabel.h"
#include "common/vocabularytext.h"
#include "domain/birthdate.h"
#include "repositories/clientrepository.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace aftercare::ui {

namespace {

std::optional<QDate> parseBirthDate(const QString& input)
{
    const BirthDate::Parsed parsed = BirthDate::parse(input, QDate::currentDate());
    if (parsed.problem)
        return std::nullopt;
    return parsed.date;
}

} // namespace

ProfileDetails::ProfileDetails(Database& database, const Actor& actor, QWidget* parent)
    : QWidget(parent)
    , m_database(database)
    , m_actor(actor)
    , m_first(new QLineEdit(this))
    , m_last(new QLineEdit(this))
    , m_birth(new QLineEdit(this))
    , m_email(new QLineEdit(this))
    , m_phone(new QLineEdit(this))
    , m_address(new QPlainTextEdit(this))
    , m_channel(new QComboBox(this))
    , m_expectations(new QLineEdit(this))
    , m_nameError(fieldError(QStringLiteral("Name")))
    , m_birthError(fieldError(QStringLiteral("BirthDate")))
    , m_emailError(fieldError(QStringLiteral("Email")))
    , m_phoneError(fieldError(QStringLiteral("Phone")))
    , m_message(new MessageLabel(this))
    , m_save(new QPushButton(tr("&Save details"), this))
    , m_reload(new QPushButton(tr("Re&load"), this))
{
    m_first->setObjectName(QStringLiteral("profileFirstName"));
    m_last->setObjectName(QStringLiteral("profileLastName"));
    m_birth->setObjectName(QStringLiteral("profileBirthDate"));
    m_email->setObjectName(QStringLiteral("profileEmail"));
    m_phone->setObjectName(QStringLiteral("profilePhone"));
    m_address->setObjectName(QStringLiteral("profileAddress"));
    m_address->setTabChangesFocus(true);
    m_address->setFixedHeight(m_address->fontMetrics().height() * 2 + 12);
    m_channel->setObjectName(QStringLiteral("profileChannel"));
    for (ContactChannel channel : allOf<ContactChannel>())
        m_channel->addItem(contactChannelName(channel), int(channel));
    m_expectations->setObjectName(QStringLiteral("profileExpectations"));
    m_message->setObjectName(QStringLiteral("profileMessage"));
    m_save->setObjectName(QStringLiteral("profileSave"));
    m_save->setShortcut(QKeySequence::Save);
    m_save->setToolTip(tr("Ctrl+S"));
    m_reload->setObjectName(QStringLiteral("profileReload"));

    auto* names = new QHBoxLayout;
    names->addWidget(m_first);
    names->addWidget(m_last);
    auto* form = new QFormLayout;
    auto* nameLabel = new QLabel(tr("&Name:"), this);
    nameLabel->setBuddy(m_first);
    form->addRow(nameLabel, names);
    form->addRow(QString(), m_nameError);
    form->addRow(tr("&Born:"), m_birth);
    form->addRow(QString(), m_birthError);
    form->addRow(tr("&E-mail:"), m_email);
    form->addRow(QString(), m_emailError);
    form->addRow(tr("&Phone:"), m_phone);
    form->addRow(QString(), m_phoneError);
    form->addRow(tr("Add&ress:"), m_address);
    form->addRow(tr("Contact b&y:"), m_channel);
    form->addRow(tr("E&xpects:"), m_expectations);
    m_message->setWordWrap(true);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_reload);
    buttons->addWidget(m_save);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addLayout(buttons);

    for (QLineEdit* field : {m_first, m_last, m_birth, m_email, m_phone, m_expectations})
        connect(field, &QLineEdit::textChanged, this, &ProfileDetails::validate);
    connect(m_address, &QPlainTextEdit::textChanged, this, &ProfileDetails::validate);
    connect(m_channel, &QComboBox::currentIndexChanged, this, &ProfileDetails::validate);
    connect(m_save, &QPushButton::clicked, this, &ProfileDetails::save);
    connect(m_reload, &QPushButton::clicked, this, &ProfileDetails::reloadRequested);
}

QLabel* ProfileDetails::fieldError(const QString& name)
{
    auto* label = new QLabel(this);
    label->setObjectName(QStringLiteral("profile%1Error").arg(name));
    label->setStyleSheet(QStringLiteral("color: #b02a37;"));
    label->setVisible(false);
    return label;
}

void ProfileDetails::showClient(const Client& client)
{
    m_client = client;
    m_filling = true;
    m_first->setText(client.firstName);
    m_last->setText(client.lastName);
    m_birth->setText(client.dateOfBirth.isValid() ? dateText(client.dateOfBirth) : QString());
    m_email->setText(client.email ? client.email->value() : QString());
    m_phone->setText(client.phone ? phoneText(*client.phone) : QString());
    m_address->setPlainText(client.address);
    m_channel->setCurrentIndex(m_channel->findData(int(client.preferredChannel)));
    m_expectations->setText(client.expectations);
    // Long texts are read from their beginning.
    for (QLineEdit* field : {m_first, m_last, m_birth, m_email, m_phone, m_expectations})
        field->setCursorPosition(0);
    m_filling = false;
    m_message->clearMessage();
    validate();
}

Client ProfileDetails::edited(bool* valid) const
{
    Client c = m_client;
    *valid = true;
    c.firstName = m_first->text().simplified();
    c.lastName = m_last->text().simplified();
    *valid &= !c.firstName.isEmpty() && !c.lastName.isEmpty();
    const auto born = parseBirthDate(m_birth->text());
    *valid &= born.has_value();
    c.dateOfBirth = born.value_or(QDate());
    c.email = Email::parse(m_email->text().trimmed());
    *valid &= m_email->text().trimmed().isEmpty() || c.email.has_value();
    c.phone = PhoneNumber::parse(m_phone->text().trimmed());
    *valid &= m_phone->text().trimmed().isEmpty() || c.phone.has_value();
    c.address = m_address->toPlainText().trimmed();
    c.preferredChannel = ContactChannel(m_channel->currentData().toInt());
    c.expectations = m_expectations->text().trimmed();
    return c;
}

void ProfileDetails::validate()
{
    if (m_filling)
        return;
    auto show = [](QLabel* label, bool problem, const QString& text) {
        label->setText(problem ? text : QString());
        label->setVisible(problem);
    };
    show(m_nameError, m_first->text().trimmed().isEmpty() || m_last->text().trimmed().isEmpty(),
         tr("First and last name are needed."));
    show(m_birthError, !parseBirthDate(m_birth->text()),
         tr("Not a date of birth; write it like %1.").arg(dateText(QDate(1990, 5, 17))));
    show(m_emailError,
         !m_email->text().trimmed().isEmpty() && !Email::parse(m_email->text().trimmed()),
         tr("Not an e-mail address (name@example.org)."));
    show(m_phoneError,
         !m_phone->text().trimmed().isEmpty() && !PhoneNumber::parse(m_phone->text().trimmed()),
         tr("Not a phone number."));
    bool valid = false;
    const Client c = edited(&valid);
    const bool changed = c.firstName != m_client.firstName || c.lastName != m_client.lastName ||
                         c.dateOfBirth != m_client.dateOfBirth ||
                         (c.email ? c.email->value() : QString()) !=
                             (m_client.email ? m_client.email->value() : QString()) ||
                         (c.phone ? c.phone->value() : QString()) !=
                             (m_client.phone ? m_client.phone->value() : QString()) ||
                         c.address != m_client.address ||
                         c.preferredChannel != m_client.preferredChannel ||
                         c.expectations != m_client.expectations;
    m_save->setEnabled(valid && changed && m_client.id.isValid());
}

void ProfileDetails::save()
{
    bool valid = false;
    Client c = edited(&valid);
    if (!valid)
        return;
    if (auto saved = ClientRepository(m_database).update(c, m_actor); !saved) {
        // Nothing was overwritten and the form keeps what was typed.
        m_message->showError(saved.error().message);
        return;
    }
    m_client = c;
    m_message->showSuccess(tr("Saved."));
    validate();
    emit saved(c.id);
}

} // namespace aftercare::ui
