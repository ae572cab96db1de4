#include "reception/onboardingdialog.h"

#include "common/displayformat.h"
#include "common/messagelabel.h"
#include "common/mnemonics.h"
#include "common/vocabularytext.h"
#include "domain/birthdate.h"
#include "reception/clientpicker.h"
#include "reception/consentfields.h"
#include "reception/firstbookingfields.h"
#include "reception/onboardingservice.h"
#include "search/searchtext.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>

namespace aftercare::ui {

namespace {

constexpr int kDuplicatePauseMs = 250;

// A field and the reason it is not acceptable yet, one under the other.
QWidget* withError(QWidget* field, QLabel* error)
{
    auto* box = new QWidget(field->parentWidget());
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(1);
    layout->addWidget(field);
    layout->addWidget(error);
    return box;
}

// A form row whose label's Alt letter goes to the field itself: the row may be a box holding
// the field and its error, which cannot take the focus, or a widget that hands it on.
void addFieldRow(QFormLayout* form, const QString& text, QWidget* row, QWidget* field)
{
    auto* label = new QLabel(text, row->parentWidget());
    label->setBuddy(field->focusProxy() ? field->focusProxy() : field);
    form->addRow(label, row);
}

} // namespace

OnboardingDialog::OnboardingDialog(Database& database, const Actor& actor, QWidget* parent)
    : FormDialog(parent)
    , m_database(database)
    , m_actor(actor)
    , m_first(new QLineEdit(this))
    , m_last(new QLineEdit(this))
    , m_birth(new QLineEdit(this))
    , m_sex(new QComboBox(this))
    , m_email(new QLineEdit(this))
    , m_phone(new QLineEdit(this))
    , m_address(new QPlainTextEdit(this))
    , m_channel(new QComboBox(this))
    , m_referralSource(new QComboBox(this))
    , m_referrer(new ClientPicker(database, QStringLiteral("onboardingReferrer"), this))
    , m_expectations(new QLineEdit(this))
    , m_consents(new ConsentFields(this))
    , m_booking(new FirstBookingFields(database, this))
    , m_duplicateBox(new QGroupBox(tr("Possibly already a client"), this))
    , m_duplicates(new QListWidget(this))
    , m_createAnyway(new QCheckBox(tr("&Create anyway: this is a different person"), this))
    , m_message(new MessageLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
    , m_duplicatePause(new QTimer(this))
{
    setObjectName(QStringLiteral("onboardingDialog"));
    setWindowTitle(tr("New client"));

    auto* columns = new QHBoxLayout;
    columns->setSpacing(24);
    columns->addWidget(buildPerson(), 1);
    columns->addWidget(buildJourney(), 1);
    auto* content = new QWidget(this);
    content->setLayout(columns);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    m_message->setObjectName(QStringLiteral("onboardingMessage"));
    m_buttons->setObjectName(QStringLiteral("onboardingButtons"));
    QPushButton* save = m_buttons->button(QDialogButtonBox::Save);
    save->setObjectName(QStringLiteral("onboardingSave"));
    save->setText(tr("&Save client"));
    save->setToolTip(tr("Ctrl+S"));
    save->setShortcut(QKeySequence::Save);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    resize(1180, 740);

    m_duplicatePause->setSingleShot(true);
    m_duplicatePause->setInterval(kDuplicatePauseMs);
    connect(m_duplicatePause, &QTimer::timeout, this, &OnboardingDialog::findDuplicates);
    for (QLineEdit* field : {m_first, m_last, m_birth, m_email, m_phone}) {
        connect(field, &QLineEdit::textChanged, this, &OnboardingDialog::validate);
        connect(field, &QLineEdit::textChanged, m_duplicatePause, qOverload<>(&QTimer::start));
    }
    connect(m_address, &QPlainTextEdit::textChanged, this, &OnboardingDialog::validate);
    // The preferred channel is only questioned once the contact details are being filled in.
    for (QLineEdit* field : {m_email, m_phone})
        connect(field, &QLineEdit::textEdited, this, [this] { m_contactTouched = true; });
    connect(m_channel, &QComboBox::activated, this, [this] {
        m_contactTouched = true;
        validate();
    });
    connect(m_channel, &QComboBox::currentIndexChanged, this, [this] {
        const auto channel = ContactChannel(m_channel->currentData().toInt());
        m_consents->setChannelSuggestion(
            parseSqlName<ConsentChannel>(sqlName(channel)).value_or(ConsentChannel::Any));
        validate();
    });
    connect(m_booking, &FirstBookingFields::changed, this, &OnboardingDialog::validate);
    connect(m_createAnyway, &QCheckBox::toggled, this, &OnboardingDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &OnboardingDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &OnboardingDialog::reject);
    emit m_channel->currentIndexChanged(m_channel->currentIndex());
    setTabOrderFromTopToBottom();
    // The consent purposes come from the vocabulary, in any language: they get the Alt
    // letters the rest of the form leaves free (a purpose whose letters are all taken is
    // reached with Tab from its neighbours).
    giveFreeMnemonics(m_consents->findChildren<QAbstractButton*>());
    m_first->setFocus();
}

void OnboardingDialog::setTabOrderFromTopToBottom()
{
    // The fields are moved into their error boxes after being made, which would send them to
    // the end of the focus chain: the order is set here once, left column then right. (A combo
    // box's popup is a window of its own and stays out of the chain.)
    std::vector<QWidget*> chain{m_first, m_last,    m_birth,   m_sex,           m_email,
                                m_phone, m_address, m_channel, m_referralSource};
    for (QWidget* field : m_referrer->findChildren<QWidget*>()) {
        if ((field->focusPolicy() & Qt::TabFocus) && field->window() == this)
            chain.push_back(field);
    }
    chain.push_back(m_expectations);
    for (QWidget* field : m_consents->findChildren<QWidget*>())
        if ((field->focusPolicy() & Qt::TabFocus) && field->window() == this)
            chain.push_back(field);
    for (QWidget* field : m_booking->findChildren<QWidget*>())
        if ((field->focusPolicy() & Qt::TabFocus) && field->window() == this)
            chain.push_back(field);
    chain.push_back(m_duplicates);
    chain.push_back(m_createAnyway);
    chain.push_back(m_buttons->button(QDialogButtonBox::Save));
    chain.push_back(m_buttons->button(QDialogButtonBox::Cancel));
    for (std::size_t i = 1; i < chain.size(); ++i)
        QWidget::setTabOrder(chain[i - 1], chain[i]);
}

QLabel* OnboardingDialog::fieldError(const QString& name)
{
    auto* label = new QLabel(this);
    label->setObjectName(QStringLiteral("onboarding%1Error").arg(name));
    label->setProperty("fieldError", true);
    label->setWordWrap(true);
    label->setVisible(false);
    return label;
}

QWidget* OnboardingDialog::buildPerson()
{
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);

    auto* who = new QGroupBox(tr("Who"), page);
    auto* whoForm = new QFormLayout(who);
    m_first->setObjectName(QStringLiteral("onboardingFirstName"));
    m_last->setObjectName(QStringLiteral("onboardingLastName"));
    m_birth->setObjectName(QStringLiteral("onboardingBirthDate"));
    m_birth->setPlaceholderText(tr("e.g. %1").arg(dateText(QDate(1990, 5, 17))));
    m_sex->setObjectName(QStringLiteral("onboardingSex"));
    for (Sex sex : {Sex::Unknown, Sex::Female, Sex::Male, Sex::Other})
        m_sex->addItem(sexName(sex), int(sex));
    m_firstError = fieldError(QStringLiteral("FirstName"));
    m_lastError = fieldError(QStringLiteral("LastName"));
    m_birthError = fieldError(QStringLiteral("BirthDate"));
    addFieldRow(whoForm, tr("&First name:"), withError(m_first, m_firstError), m_first);
    addFieldRow(whoForm, tr("&Last name:"), withError(m_last, m_lastError), m_last);
    addFieldRow(whoForm, tr("&Date of birth:"), withError(m_birth, m_birthError), m_birth);
    whoForm->addRow(tr("Se&x:"), m_sex);
    layout->addWidget(who);

    auto* contact = new QGroupBox(tr("Contact"), page);
    auto* contactForm = new QFormLayout(contact);
    m_email->setObjectName(QStringLiteral("onboardingEmail"));
    m_phone->setObjectName(QStringLiteral("onboardingPhone"));
    m_phone->setPlaceholderText(tr("e.g. +49 171 2345678 or 0171 2345678"));
    m_address->setObjectName(QStringLiteral("onboardingAddress"));
    m_address->setTabChangesFocus(true);
    m_address->setFixedHeight(m_address->fontMetrics().height() * 3 + 12);
    m_channel->setObjectName(QStringLiteral("onboardingChannel"));
    for (ContactChannel channel : allOf<ContactChannel>())
        m_channel->addItem(contactChannelName(channel), int(channel));
    m_emailError = fieldError(QStringLiteral("Email"));
    m_phoneError = fieldError(QStringLiteral("Phone"));
    m_channelError = fieldError(QStringLiteral("Channel"));
    addFieldRow(contactForm, tr("&E-mail:"), withError(m_email, m_emailError), m_email);
    addFieldRow(contactForm, tr("&Phone:"), withError(m_phone, m_phoneError), m_phone);
    contactForm->addRow(tr("Add&ress:"), m_address);
    addFieldRow(contactForm, tr("Contact b&y:"), withError(m_channel, m_channelError), m_channel);
    layout->addWidget(contact);

    auto* referral = new QGroupBox(tr("How they found us"), page);
    auto* referralForm = new QFormLayout(referral);
    m_referralSource->setObjectName(QStringLiteral("onboardingReferralSource"));
    m_referralSource->setEditable(true);
    m_referralSource->addItems({QString(), tr("Recommended by a client"),
                                tr("Referred by a doctor"), tr("Web search"), tr("Social media"),
                                tr("Walked past"), tr("Health insurance")});
    m_expectations->setObjectName(QStringLiteral("onboardingExpectations"));
    m_expectations->setPlaceholderText(tr("What they hope for from us"));
    referralForm->addRow(tr("Referral so&urce:"), m_referralSource);
    addFieldRow(referralForm, tr("Referred by &whom:"), m_referrer, m_referrer);
    referralForm->addRow(tr("Expectati&ons:"), m_expectations);
    layout->addWidget(referral);
    layout->addStretch(1);
    return page;
}

QWidget* OnboardingDialog::buildJourney()
{
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);

    auto* consent =
        new QGroupBox(tr("Consent (ticked = agreed; unticked is recorded as no)"), page);
    auto* consentLayout = new QVBoxLayout(consent);
    consentLayout->addWidget(m_consents);
    layout->addWidget(consent);

    auto* booking = new QGroupBox(tr("First appointment"), page);
    auto* bookingLayout = new QVBoxLayout(booking);
    bookingLayout->addWidget(m_booking);
    m_bookingError = fieldError(QStringLiteral("Booking"));
    bookingLayout->addWidget(m_bookingError);
    layout->addWidget(booking);

    m_duplicateBox->setObjectName(QStringLiteral("onboardingDuplicateBox"));
    m_duplicates->setObjectName(QStringLiteral("onboardingDuplicates"));
    m_duplicates->setMaximumHeight(m_duplicates->fontMetrics().height() * 5);
    m_createAnyway->setObjectName(QStringLiteral("onboardingCreateAnyway"));
    auto* duplicateLayout = new QVBoxLayout(m_duplicateBox);
    duplicateLayout->addWidget(m_duplicates);
    duplicateLayout->addWidget(m_createAnyway);
    m_duplicateBox->setVisible(false);
    layout->addWidget(m_duplicateBox);
    layout->addStretch(1);
    return page;
}

void OnboardingDialog::prefill(const QString& searchText)
{
    const SearchText text = SearchText::interpret(searchText);
    switch (text.kind) {
    case SearchText::Kind::Phone:
    case SearchText::Kind::TooShort:
        m_phone->setText(searchText.trimmed());
        break;
    case SearchText::Kind::DateOfBirth:
        m_birth->setText(dateText(text.date));
        break;
    default:
        if (searchText.contains(QLatin1Char('@'))) {
            m_email->setText(searchText.trimmed());
        } else if (searchText.contains(QLatin1Char(','))) {
            // "Müller, Anna" as the finder reads it
            m_last->setText(searchText.section(QLatin1Char(','), 0, 0).trimmed());
            m_first->setText(searchText.section(QLatin1Char(','), 1).trimmed());
        } else {
            const QStringList words = searchText.simplified().split(QLatin1Char(' '));
            if (words.size() >= 2) {
                m_first->setText(words.first());
                m_last->setText(words.mid(1).join(QLatin1Char(' ')));
            } else {
                m_last->setText(searchText.trimmed());
            }
        }
    }
    m_duplicatePause->start();
}

std::optional<QDate> OnboardingDialog::birthDate(QString* problem) const
{
    const BirthDate::Parsed parsed = BirthDate::parse(m_birth->text(), QDate::currentDate());
    if (!parsed.problem)
        return parsed.date;
    switch (*parsed.problem) {
    case BirthDate::Problem::NotADate:
        *problem = tr("Not a date; write it like %1.").arg(dateText(QDate(1990, 5, 17)));
        break;
    case BirthDate::Problem::InTheFuture:
        *problem = tr("The date of birth lies in the future.");
        break;
    }
    return std::nullopt;
}

Client OnboardingDialog::client() const
{
    Client c;
    c.firstName = m_first->text().simplified();
    c.lastName = m_last->text().simplified();
    QString ignored;
    c.dateOfBirth = birthDate(&ignored).value_or(QDate());
    c.sex = Sex(m_sex->currentData().toInt());
    c.email = Email::parse(m_email->text().trimmed());
    c.phone = PhoneNumber::parse(m_phone->text().trimmed());
    c.address = m_address->toPlainText().trimmed();
    c.preferredChannel = ContactChannel(m_channel->currentData().toInt());
    c.referralSource = m_referralSource->currentText().trimmed();
    c.referredBy = m_referrer->client();
    c.expectations = m_expectations->text().trimmed();
    return c;
}

void OnboardingDialog::validate()
{
    auto show = [](QLabel* label, const QString& text) {
        label->setText(text);
        label->setVisible(!text.isEmpty());
        return text.isEmpty();
    };
    bool ok = true;
    // A required field that was never touched is not yet an error worth shouting about.
    ok &= show(m_firstError, m_first->isModified() && m_first->text().trimmed().isEmpty()
                                 ? tr("The first name is needed.")
                                 : QString()) &&
          !m_first->text().trimmed().isEmpty();
    ok &= show(m_lastError, m_last->isModified() && m_last->text().trimmed().isEmpty()
                                ? tr("The last name is needed.")
                                : QString()) &&
          !m_last->text().trimmed().isEmpty();
    QString birthProblem;
    birthDate(&birthProblem);
    ok &= show(m_birthError, birthProblem);
    const QString email = m_email->text().trimmed();
    const bool emailOk = email.isEmpty() || Email::parse(email).has_value();
    ok &= show(m_emailError, emailOk ? QString() : tr("Not an e-mail address (name@example.org)."));
    const QString phone = m_phone->text().trimmed();
    const bool phoneOk = phone.isEmpty() || PhoneNumber::parse(phone).has_value();
    ok &= show(m_phoneError, phoneOk ? QString() : tr("Not a phone number."));
    const QString channelProblem =
        prefersMissingEmail(ContactChannel(m_channel->currentData().toInt()), !email.isEmpty(),
                            !phone.isEmpty())
            ? tr("E-mail is preferred: please give the address.")
            : QString();
    ok &= show(m_channelError, m_contactTouched ? channelProblem : QString()) &&
          channelProblem.isEmpty();
    ok &= show(m_bookingError, m_booking->problem());
    if (!m_found.empty() && !m_createAnyway->isChecked())
        ok = false;
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(ok);
}

void OnboardingDialog::findDuplicates()
{
    m_duplicates->clear();
    auto found = OnboardingService(m_database, m_actor).duplicates(client());
    if (!found) {
        m_message->showError(found.error().message);
        return;
    }
    m_found = std::move(*found);
    for (const DuplicateCandidate& candidate : m_found) {
        QStringList shared;
        if (candidate.sameNameAndBirth)
            shared << tr("same name and date of birth");
        if (candidate.sameEmail)
            shared << tr("same e-mail");
        if (candidate.samePhone)
            shared << tr("same phone");
        QString line = candidate.name + QStringLiteral(" · ") + candidate.externalId;
        if (candidate.dateOfBirth.isValid())
            line += QStringLiteral(" · ") + dateText(candidate.dateOfBirth);
        line += QStringLiteral(" — ") + shared.join(QStringLiteral(", "));
        auto* item = new QListWidgetItem(line, m_duplicates);
        item->setData(Qt::UserRole, qlonglong(candidate.id.value()));
    }
    m_duplicateBox->setVisible(!m_found.empty());
    m_duplicateBox->setTitle(tr("Possibly already a client (%n)", nullptr, int(m_found.size())));
    if (m_found.empty())
        m_createAnyway->setChecked(false);
    validate();
}

void OnboardingDialog::accept()
{
    // Duplicates are looked up once more: someone at another desk may have just saved them.
    m_duplicatePause->stop();
    findDuplicates();
    if (!m_buttons->button(QDialogButtonBox::Save)->isEnabled()) {
        m_message->showError(m_found.empty() ? tr("Please correct the marked fields first.")
                                             : tr("This person may be a client already: open "
                                                  "them instead, or tick \"Create anyway\"."));
        return;
    }
    OnboardingDraft draft;
    draft.client = client();
    draft.consents = m_consents->decisions();
    draft.firstBooking = m_booking->booking();
    auto outcome = OnboardingService(m_database, m_actor).onboard(draft);
    if (!outcome) {
        const Error& error = outcome.error();
        if (error.kind == ErrorKind::Overlap)
            m_booking->showOverlap(error.message);
        // Nothing was saved and nothing typed is lost: the form stays as it is.
        m_message->showError(tr("Nothing was saved: %1").arg(error.message));
        validate();
        return;
    }
    emit onboarded(outcome->client, outcome->firstBooking);
    QDialog::accept();
}

} // namespace aftercare::ui
