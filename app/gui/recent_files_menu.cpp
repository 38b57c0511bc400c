#include "recent_files_menu.h"

#include "settings.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>

namespace archfit {

RecentFilesMenu::RecentFilesMenu(QWidget* parent)
    : QMenu(tr("Open &Recent"), parent)
{
    rebuild();
}

QStringList RecentFilesMenu::files() const
{
    return settings::recentFiles.get();
}

void RecentFilesMenu::addFile(const QString& path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = settings::recentFiles.get();
    list.removeAll(absolute);
    list.prepend(absolute);
    const int limit = qMax(1, settings::recentFilesLimit.get());
    while (list.size() > limit)
        list.removeLast();
    settings::recentFiles.set(list);
    rebuild();
}

void RecentFilesMenu::clearFiles()
{
    settings::recentFiles.set(QStringList());
    rebuild();
}

void RecentFilesMenu::rebuild()
{
    clear();
    const QStringList list = files();
    int number = 1;
    for (const QString& path : list) {
        const QString label = number < 10
            ? tr("&%1 %2").arg(number).arg(QFileInfo(path).fileName())
            : QFileInfo(path).fileName();
        QAction* action = addAction(label);
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setStatusTip(QDir::toNativeSeparators(path));
        connect(action, &QAction::triggered, this, [this, path] { emit fileTriggered(path); });
        ++number;
    }
    if (!list.isEmpty())
        addSeparator();
    QAction* clearAction = addAction(tr("&Clear List"));
    clearAction->setEnabled(!list.isEmpty());
    connect(clearAction, &QAction::triggered, this, &RecentFilesMenu::clearFiles);
    setEnabled(true);
}

}  // namespace archfit
