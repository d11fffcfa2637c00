#include "ui/shell/layoutcheck.h"

#include <QAbstractButton>
#include <QAbstractItemModel>
#include <QAbstractScrollArea>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QRegion>
#include <QStyle>
#include <QTableView>
#include <QTreeView>
#include <QWidget>

#include <algorithm>

namespace cinetune::ui {

namespace {

QString describe(const QWidget *w)
{
    QString name = QString::fromLatin1(w->metaObject()->className());
    if (!w->objectName().isEmpty())
        name += QStringLiteral(" \"%1\"").arg(w->objectName());
    if (const auto *b = qobject_cast<const QAbstractButton *>(w); b && !b->text().isEmpty())
        name += QStringLiteral(" [%1]").arg(QString(b->text()).remove(QLatin1Char('&')));
    return name;
}

QSize effectiveMinimum(const QWidget *w)
{
    // What a layout grants the widget at least: its minimum size, else its minimum size hint
    // (unless its size policy may shrink below the hint).
    QSize hint = w->minimumSizeHint();
    const QSizePolicy policy = w->sizePolicy();
    if (policy.horizontalPolicy() == QSizePolicy::Ignored)
        hint.setWidth(0);
    if (policy.verticalPolicy() == QSizePolicy::Ignored)
        hint.setHeight(0);
    QSize min = w->minimumSize();
    if (min.width() <= 0)
        min.setWidth(std::max(0, hint.width()));
    if (min.height() <= 0)
        min.setHeight(std::max(0, hint.height()));
    return min;
}

// Inside a scroll area a widget may be as large as it likes: the viewport scrolls.
bool scrolls(const QWidget *w, const QWidget *window)
{
    for (const QWidget *p = w->parentWidget(); p && p != window; p = p->parentWidget()) {
        if (qobject_cast<const QAbstractScrollArea *>(p))
            return true;
    }
    return false;
}

bool tooBig(const QSize &size, const QSize &screen)
{
    return size.width() > screen.width() || size.height() > screen.height();
}

// Text that does not fit keeps at least one character and the ellipsis; less is "elided to nothing".
bool elidedToNothing(const QFontMetrics &fm, const QString &text, int available)
{
    if (text.trimmed().isEmpty() || fm.horizontalAdvance(text) <= available)
        return false;
    return available < fm.horizontalAdvance(text.trimmed().left(1) + QChar(0x2026));
}

void checkView(const QAbstractItemView *view, const QHeaderView *header, QStringList &out)
{
    const QAbstractItemModel *model = view->model();
    if (!model || !header)
        return;
    const QStyle *style = view->style();
    const int headerMargin = style->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header);
    const int markSize = style->pixelMetric(QStyle::PM_HeaderMarkSize, nullptr, header);
    const int cellMargin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, view) + 1;
    const QFontMetrics headerFm(header->font());
    const QFontMetrics cellFm(view->font());
    const int viewportWidth = view->viewport()->width();
    const int rows = std::min(model->rowCount(), 3);
    for (int c = 0; c < model->columnCount(); ++c) {
        if (header->isSectionHidden(c))
            continue;
        const int x = header->sectionViewportPosition(c);
        const int w = header->sectionSize(c);
        const QString title = model->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString();
        if (w > 0 && (x + w <= 0 || x >= viewportWidth))
            continue; // off to the side: reachable by scrolling
        const QString where = QStringLiteral("%1 column %2 \"%3\"").arg(describe(view)).arg(c).arg(title);
        if (w <= 0) {
            out << QStringLiteral("%1 has no width").arg(where);
            continue;
        }
        if (header->isVisible()) {
            int available = w - 2 * headerMargin;
            if (header->isSortIndicatorShown() && header->sortIndicatorSection() == c)
                available -= markSize;
            if (elidedToNothing(headerFm, title, available))
                out << QStringLiteral("%1: the header is elided to nothing at %2 px").arg(where).arg(w);
        }
        for (int r = 0; r < rows; ++r) {
            const QModelIndex index = model->index(r, c);
            const QString text = index.data(Qt::DisplayRole).toString();
            int available = w - 2 * cellMargin;
            if (!index.data(Qt::DecorationRole).isNull())
                available -= view->iconSize().isValid() ? view->iconSize().width() : 16;
            if (const auto *tree = qobject_cast<const QTreeView *>(view); tree && c == 0)
                available -= tree->rootIsDecorated() ? tree->indentation() : 0;
            if (elidedToNothing(cellFm, text, available)) {
                out << QStringLiteral("%1: row %2 \"%3\" is elided to nothing at %4 px").arg(where).arg(r).arg(text).arg(w);
                break;
            }
        }
    }
}

} // namespace

QStringList sizeProblems(const QWidget *window, QSize screen)
{
    QStringList out;
    const QSize min = effectiveMinimum(window);
    if (tooBig(min, screen))
        out << QStringLiteral("%1 needs at least %2×%3 px, more than the %4×%5 screen")
                   .arg(describe(window))
                   .arg(min.width())
                   .arg(min.height())
                   .arg(screen.width())
                   .arg(screen.height());
    if (tooBig(window->size(), screen))
        out << QStringLiteral("%1 is %2×%3 px, larger than the %4×%5 screen")
                   .arg(describe(window))
                   .arg(window->width())
                   .arg(window->height())
                   .arg(screen.width())
                   .arg(screen.height());
    if (out.isEmpty())
        return out;
    // Name the culprits: the innermost visible widgets that alone need more than the screen.
    const QList<QWidget *> all = window->findChildren<QWidget *>();
    QList<QWidget *> big;
    for (QWidget *w : all) {
        if (w->isVisibleTo(window) && !w->isWindow() && !scrolls(w, window) && tooBig(effectiveMinimum(w), screen))
            big << w;
    }
    int named = 0;
    for (QWidget *w : std::as_const(big)) {
        const bool hasBigChild = std::any_of(big.cbegin(), big.cend(), [w](QWidget *o) { return o != w && w->isAncestorOf(o); });
        if (hasBigChild || named++ >= 5)
            continue;
        const QSize m = effectiveMinimum(w);
        out << QStringLiteral("  … because %1 needs %2×%3 px").arg(describe(w)).arg(m.width()).arg(m.height());
    }
    return out;
}

QStringList primaryActionProblems(const QWidget *window)
{
    QList<QWidget *> primary;
    const QList<QWidget *> all = window->findChildren<QWidget *>();
    for (QWidget *w : all) {
        if (w->property(kPrimaryActionProperty).toBool())
            primary << w;
    }
    const QList<QDialogButtonBox *> boxes = window->findChildren<QDialogButtonBox *>();
    for (QDialogButtonBox *box : boxes) {
        if (box->window() != window)
            continue;
        const QList<QAbstractButton *> buttons = box->buttons();
        for (QAbstractButton *b : buttons)
            primary << b;
    }
    QStringList out;
    const QRect windowRect = window->rect();
    for (QWidget *w : std::as_const(primary)) {
        if (w->window() != window || !w->isVisible())
            continue; // on another page or tab: not this screen's action
        const QRect inWindow(w->mapTo(window, QPoint(0, 0)), w->size());
        const QRect shown = w->visibleRegion().boundingRect();
        if (!windowRect.contains(inWindow) || shown.size() != w->size())
            out << QStringLiteral("%1 is not fully visible without scrolling (%2 of %3×%4 px shown, at %5,%6 in a %7×%8 window)")
                       .arg(describe(w))
                       .arg(shown.isEmpty() ? QStringLiteral("none")
                                            : QStringLiteral("%1×%2").arg(shown.width()).arg(shown.height()))
                       .arg(w->width())
                       .arg(w->height())
                       .arg(inWindow.x())
                       .arg(inWindow.y())
                       .arg(window->width())
                       .arg(window->height());
    }
    return out;
}

QStringList columnProblems(const QWidget *window)
{
    QStringList out;
    const QList<QAbstractItemView *> views = window->findChildren<QAbstractItemView *>();
    for (QAbstractItemView *view : views) {
        if (view->window() != window || !view->isVisible() || view->visibleRegion().isEmpty())
            continue;
        if (auto *table = qobject_cast<QTableView *>(view))
            checkView(table, table->horizontalHeader(), out);
        else if (auto *tree = qobject_cast<QTreeView *>(view))
            checkView(tree, tree->header(), out);
    }
    return out;
}

QStringList layoutProblems(const QWidget *window, QSize screen)
{
    return sizeProblems(window, screen) + primaryActionProblems(window) + columnProblems(window);
}

} // namespace cinetune::ui
