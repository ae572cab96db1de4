#pragma once

#include "auth/actor.h"
#include "common/formdialog.h"
#include "domain/client.h"
#include "reception/onboardingdraft.h"

#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QTimer;

namespace aftercare {
class Database;
}

namespace aftercare::ui {

class ClientPicker;
class ConsentFields;
class FirstBookingFields;
class MessageLabel;

// A new client at the desk: identity, contact and preferred channel, referral, consent per
// purpose and the first booking, in one form that validates as one types (the reason next to
// the field) and saves as one (OnboardingService). Possible duplicates are shown before
// saving and need a deliberate "create anyway". When saving fails, the form stays open with
// everything typed.
class OnboardingDialog : public FormDialog
{
    Q_OBJECT

public:
    OnboardingDialog(Database& database, const Actor& actor, QWidget* parent = nullptr);

    // Starts from what was typed into the finder (a name, phone or e-mail address).
    void prefill(const QString& searchText);
    void accept() override;

signals:
    void onboarded(aftercare::ClientId client, aftercare::AppointmentId firstBooking);

private:
    QWidget* buildPerson();
    QWidget* buildJourney();
    QLabel* fieldError(const QString& name);
    void setTabOrderFromTopToBottom();
    void validate();
    void findDuplicates();
    Client client() const;
    std::optional<QDate> birthDate(QString* problem) const;

    Database& m_database;
    Actor m_actor;
    QLineEdit* m_first;
    QLineEdit* m_last;
    QLineEdit* m_birth;
    QComboBox* m_sex;
    QLineEdit* m_email;
    QLineEdit* m_phone;
    QPlainTextEdit* m_address;
    QComboBox* m_channel;
    QComboBox* m_referralSource;
    ClientPicker* m_referrer;
    QLineEdit* m_expectations;
    ConsentFields* m_consents;
    FirstBookingFields* m_booking;
    QGroupBox* m_duplicateBox;
    QListWidget* m_duplicates;
    QCheckBox* m_createAnyway;
    MessageLabel* m_message;
    QDialogButtonBox* m_buttons;
    QTimer* m_duplicatePause;
    QLabel* m_firstError = nullptr;
    QLabel* m_lastError = nullptr;
    QLabel* m_birthError = nullptr;
    QLabel* m_emailError = nullptr;
    QLabel* m_phoneError = nullptr;
    QLabel* m_channelError = nullptr;
    QLabel* m_bookingError = nullptr;
    std::vector<DuplicateCandidate> m_found;
    bool m_contactTouched = false;
};

} // namespace aftercare::ui
