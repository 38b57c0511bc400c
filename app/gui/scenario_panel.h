#pragma once
// The scenario list: named copies of the assumptions. Buttons ask the window to save the
// current assumptions under a name, apply one, delete one or compare two; the panel itself
// only shows Document::scenarios().

#include <QWidget>

class QListWidget;
class QPushButton;

namespace archfit {

class Document;

class ScenarioPanel : public QWidget {
    Q_OBJECT

public:
    explicit ScenarioPanel(Document* document, QWidget* parent = nullptr);

    QListWidget* list() const { return m_list; }
    QString selectedScenario() const;

signals:
    void saveRequested();
    void applyRequested(const QString& name);
    void deleteRequested(const QString& name);
    void compareRequested(const QString& name);

private:
    void refresh();

    Document* m_document;
    QListWidget* m_list = nullptr;
    QPushButton* m_apply = nullptr;
    QPushButton* m_delete = nullptr;
    QPushButton* m_compare = nullptr;
};

}  // namespace archfit
