#include "appearance.h"

#include <QApplication>
#include <QFile>
#include <QRegularExpression>
#include <QStyleFactory>

#include <map>

namespace aftercare::ui {

namespace {

// Every colour of a look, by the word the stylesheet uses for it. The palette is made from the
// same words, so Qt's own drawing (a date edit's calendar, the file dialog) matches.
using Colours = std::map<QString, QColor>;

Colours coloursFor(Appearance appearance)
{
    auto c = [](const char* hex) {
        return QColor(QLatin1String(hex));
    };
    if (appearance == Appearance::Dark) {
        return {
            {QStringLiteral("window"), c("#1d2227")},
            {QStringLiteral("base"), c("#262c32")},
            {QStringLiteral("alternateBase"), c("#2c333a")},
            {QStringLiteral("text"), c("#e3e8ed")},
            {QStringLiteral("mutedText"), c("#a7b2bd")},
            {QStringLiteral("placeholder"), c("#8592a0")},
            {QStringLiteral("heading"), c("#cfe1f2")},
            {QStringLiteral("border"), c("#56626e")},
            {QStringLiteral("softBorder"), c("#3b444d")},
            {QStringLiteral("readOnly"), c("#22282d")},
            {QStringLiteral("headerBase"), c("#303840")},
            {QStringLiteral("headerText"), c("#d6dde4")},
            {QStringLiteral("button"), c("#2e353c")},
            {QStringLiteral("hover"), c("#34403f")},
            {QStringLiteral("accent"), c("#1d7a76")},
            {QStringLiteral("accentHover"), c("#238b86")},
            {QStringLiteral("accentBorder"), c("#2ea39d")},
            {QStringLiteral("focus"), c("#4cc2bb")},
            {QStringLiteral("onAccent"), c("#ffffff")},
            {QStringLiteral("disabledBase"), c("#2a3036")},
            {QStringLiteral("disabledText"), c("#737f8b")},
            {QStringLiteral("error"), c("#ffadb3")},
            {QStringLiteral("errorBase"), c("#4a2226")},
            {QStringLiteral("errorBorder"), c("#7d3a40")},
            {QStringLiteral("warning"), c("#f2b866")},
            {QStringLiteral("good"), c("#86d6a2")},
            {QStringLiteral("goodBase"), c("#1f3a2b")},
            {QStringLiteral("goodBorder"), c("#2f5b41")},
            {QStringLiteral("statusBase"), c("#171b1f")},
            {QStringLiteral("statusText"), c("#c3ccd5")},
            {QStringLiteral("toolTipBase"), c("#333b43")},
            {QStringLiteral("navigation"), c("#122536")},
            {QStringLiteral("navigationHover"), c("#1d3850")},
            {QStringLiteral("navigationButton"), c("#1d3850")},
            {QStringLiteral("navigationBorder"), c("#2f4f6c")},
            {QStringLiteral("navigationText"), c("#e8eef3")},
            {QStringLiteral("navigationMuted"), c("#b9c7d3")},
            {QStringLiteral("navigationFocus"), c("#7fc7c3")},
        };
    }
    return {
        {QStringLiteral("window"), c("#f4f6f8")},
        {QStringLiteral("base"), c("#ffffff")},
        {QStringLiteral("alternateBase"), c("#f5f8fa")},
        {QStringLiteral("text"), c("#1f2933")},
        {QStringLiteral("mutedText"), c("#4a5866")},
        {QStringLiteral("placeholder"), c("#6b7785")},
        {QStringLiteral("heading"), c("#17324d")},
        {QStringLiteral("border"), c("#b8c2cc")},
        {QStringLiteral("softBorder"), c("#d0d6dc")},
        {QStringLiteral("readOnly"), c("#eef1f4")},
        {QStringLiteral("headerBase"), c("#eef1f4")},
        {QStringLiteral("headerText"), c("#33414e")},
        {QStringLiteral("button"), c("#ffffff")},
        {QStringLiteral("hover"), c("#eef4f4")},
        {QStringLiteral("accent"), c("#1d6f6c")},
        {QStringLiteral("accentHover"), c("#17595a")},
        {QStringLiteral("accentBorder"), c("#17595a")},
        {QStringLiteral("focus"), c("#1d6f6c")},
        {QStringLiteral("onAccent"), c("#ffffff")},
        {QStringLiteral("disabledBase"), c("#e3e7eb")},
        {QStringLiteral("disabledText"), c("#8a949e")},
        {QStringLiteral("error"), c("#a4262c")},
        {QStringLiteral("errorBase"), c("#fdecee")},
        {QStringLiteral("errorBorder"), c("#f1b9bd")},
        {QStringLiteral("warning"), c("#8a4b00")},
        {QStringLiteral("good"), c("#1b6b3a")},
        {QStringLiteral("goodBase"), c("#e8f5ec")},
        {QStringLiteral("goodBorder"), c("#b5dcc2")},
        {QStringLiteral("statusBase"), c("#e9edf1")},
        {QStringLiteral("statusText"), c("#33414e")},
        {QStringLiteral("toolTipBase"), c("#fffff0")},
        {QStringLiteral("navigation"), c("#17324d")},
        {QStringLiteral("navigationHover"), c("#234563")},
        {QStringLiteral("navigationButton"), c("#234563")},
        {QStringLiteral("navigationBorder"), c("#35597a")},
        {QStringLiteral("navigationText"), c("#e8eef3")},
        {QStringLiteral("navigationMuted"), c("#b9c7d3")},
        {QStringLiteral("navigationFocus"), c("#7fc7c3")},
    };
}

} // namespace

Appearance chooseAppearance(const QPalette& desktop)
{
    const QString wanted = qEnvironmentVariable("AFTERCARE_APPEARANCE").trimmed().toLower();
    if (wanted == QLatin1String("dark"))
        return Appearance::Dark;
    if (wanted == QLatin1String("light"))
        return Appearance::Light;
    const QColor window = desktop.color(QPalette::Active, QPalette::Window);
    const QColor text = desktop.color(QPalette::Active, QPalette::WindowText);
    return window.lightness() < text.lightness() ? Appearance::Dark : Appearance::Light;
}

QPalette paletteFor(Appearance appearance)
{
    const Colours colours = coloursFor(appearance);
    auto colour = [&colours](const char* word) {
        return colours.at(QLatin1String(word));
    };
    QPalette palette;
    palette.setColor(QPalette::Window, colour("window"));
    palette.setColor(QPalette::WindowText, colour("text"));
    palette.setColor(QPalette::Base, colour("base"));
    palette.setColor(QPalette::AlternateBase, colour("alternateBase"));
    palette.setColor(QPalette::Text, colour("text"));
    palette.setColor(QPalette::Button, colour("button"));
    palette.setColor(QPalette::ButtonText, colour("text"));
    palette.setColor(QPalette::BrightText, colour("onAccent"));
    palette.setColor(QPalette::Highlight, colour("accent"));
    palette.setColor(QPalette::HighlightedText, colour("onAccent"));
    palette.setColor(QPalette::PlaceholderText, colour("placeholder"));
    palette.setColor(QPalette::ToolTipBase, colour("toolTipBase"));
    palette.setColor(QPalette::ToolTipText, colour("text"));
    palette.setColor(QPalette::Link, colour("focus"));
    // Fusion draws frames, splitters and the diary's lines from these.
    const QColor base = colour("base");
    const QColor border = colour("border");
    palette.setColor(QPalette::Light,
                     appearance == Appearance::Dark ? border.lighter(130) : QColor(Qt::white));
    palette.setColor(QPalette::Midlight, colour("softBorder"));
    palette.setColor(QPalette::Mid, border);
    palette.setColor(QPalette::Dark,
                     appearance == Appearance::Dark ? base.darker(150) : border.darker(130));
    palette.setColor(QPalette::Shadow,
                     appearance == Appearance::Dark ? QColor(Qt::black) : border.darker(180));
    for (QPalette::ColorRole role : {QPalette::Text, QPalette::ButtonText, QPalette::WindowText})
        palette.setColor(QPalette::Disabled, role, colour("disabledText"));
    palette.setColor(QPalette::Disabled, QPalette::Base, colour("disabledBase"));
    palette.setColor(QPalette::Disabled, QPalette::Button, colour("disabledBase"));
    palette.setColor(QPalette::Disabled, QPalette::Highlight, colour("disabledText"));
    palette.setColor(QPalette::Inactive, QPalette::Highlight, colour("accent"));
    palette.setColor(QPalette::Inactive, QPalette::HighlightedText, colour("onAccent"));
    return palette;
}

QString styleSheetFor(Appearance appearance)
{
    QFile file(QStringLiteral(":/ui/aftercare.qss"));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    QString sheet = QString::fromUtf8(file.readAll());
    const Colours colours = coloursFor(appearance);
    static const QRegularExpression word(QStringLiteral("@([A-Za-z]+)"));
    QString filled;
    filled.reserve(sheet.size());
    qsizetype from = 0;
    for (auto it = word.globalMatch(sheet); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        filled += QStringView(sheet).sliced(from, match.capturedStart() - from);
        const auto colour = colours.find(match.captured(1));
        filled += colour != colours.end() ? colour->second.name() : match.captured(0);
        from = match.capturedEnd();
    }
    filled += QStringView(sheet).sliced(from);
    return filled;
}

Appearance applyAppearance(QApplication& app)
{
    // Asked before Fusion and Aftercare's palette replace what the desktop gave.
    const Appearance appearance = chooseAppearance(QApplication::palette());
    app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    app.setPalette(paletteFor(appearance));
    app.setStyleSheet(styleSheetFor(appearance));
    return appearance;
}

} // namespace aftercare::ui
