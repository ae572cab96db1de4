#pragma once

#include <QString>
#include <QStringView>

#include <array>
#include <optional>

namespace aftercare {

// The five CSV files a practice can import (docs/import.md).
enum class ImportKind
{
    Clients,
    Appointments,
    Feedback,
    Results,
    Invoices
};

inline constexpr std::array<ImportKind, 5> kImportKinds = {
    ImportKind::Clients, ImportKind::Appointments, ImportKind::Feedback, ImportKind::Results,
    ImportKind::Invoices};

// "clients", "appointments", "feedback", "results", "invoices": the word on the command line.
QString importKindName(ImportKind kind);
std::optional<ImportKind> parseImportKind(QStringView word);

} // namespace aftercare
