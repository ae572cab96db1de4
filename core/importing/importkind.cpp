#include "importing/importkind.h"

namespace aftercare {

QString importKindName(ImportKind kind)
{
    switch (kind) {
    case ImportKind::Clients:
        return QStringLiteral("clients");
    case ImportKind::Appointments:
        return QStringLiteral("appointments");
    case ImportKind::Feedback:
        return QStringLiteral("feedback");
    case ImportKind::Results:
        return QStringLiteral("results");
    case ImportKind::Invoices:
        return QStringLiteral("invoices");
    }
    return {};
}

std::optional<ImportKind> parseImportKind(QStringView word)
{
    for (ImportKind kind : kImportKinds)
        if (word.trimmed().compare(importKindName(kind), Qt::CaseInsensitive) == 0)
            return kind;
    return std::nullopt;
}

} // namespace aftercare
