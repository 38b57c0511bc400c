#pragma once
// File ▸ Open Recent: the most recently opened or saved files (settings::recentFiles, at most
// settings::recentFilesLimit), newest first, plus "Clear List".

#include <QMenu>
#include <QString>
#include <QStringList>

namespace archfit {

class RecentFilesMenu : public QMenu {
    Q_OBJECT

public:
    explicit RecentFilesMenu(QWidget* parent = nullptr);

    // Moves `path` to the front of the list (stored in the settings) and rebuilds the menu.
    void addFile(const QString& path);
    void clearFiles();
    QStringList files() const;

signals:
    void fileTriggered(const QString& path);

private:
    void rebuild();
};

}  // namespace archfit
