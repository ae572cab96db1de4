#pragma once

#include "domain/appointment.h"
#include "domain/practitioner.h"
#include "domain/servicetype.h"

#include <QWidget>

#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;

namespace aftercare {
class Database;
}

namespace aftercare::ui {

// The first booking of a client being onboarded: practitioner, service and time, checked
// against the diary as they change, so an overlap shows (with the appointment in the way)
// before anything is saved. Booking over it needs "double-book" and a reason, as in the
// booking dialog. The booking itself is written with the client (OnboardingService).
class FirstBookingFields : public QWidget
{
    Q_OBJECT

public:
    FirstBookingFields(Database& database, QWidget* parent = nullptr);

    bool wanted() const;
    // Nothing when no booking is wanted. Complete except for the client.
    std::optional<Appointment> booking() const;
    // Empty when the booking can be saved as it stands.
    QString problem() const;
    void setStart(const QDateTime& start);
    void showOverlap(const QString& message);

signals:
    void changed();

private:
    void refresh();
    QDateTime firstFreeSlot(const QDateTime& from) const;

    Database& m_database;
    std::vector<Practitioner> m_practitioners;
    std::vector<ServiceType> m_services;
    QCheckBox* m_wanted;
    QComboBox* m_practitioner;
    QComboBox* m_service;
    QDateTimeEdit* m_start;
    QLabel* m_serviceInfo;
    QLabel* m_conflict;
    QCheckBox* m_doubleBook;
    QLineEdit* m_doubleBookReason;
    QString m_problem;
};

} // namespace aftercare::ui
