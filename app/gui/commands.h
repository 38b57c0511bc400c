#pragma once
// Undo commands: each user edit is one QUndoCommand that stores the old and the new value and
// changes the Document only through its setters (which emit changed(); recomputation listens to
// that, never to which command ran). Slider drags merge: commands with the same merge key and
// id() collapse into one step through mergeWith(), as Tiled's ChangeValue does.

#include "document.h"

#include <QString>
#include <QUndoCommand>

namespace archfit {

enum CommandId {
    kAssumptionsCommandId = 1001,
};

// Changes the assumptions. Commands with the same non-empty `mergeKey` ("weights.cost") merge
// with the one directly before them, so one slider drag is one undo step.
class SetAssumptionsCommand : public QUndoCommand {
public:
    SetAssumptionsCommand(Document* document, const Assumptions& after, const QString& text,
                          const QString& mergeKey = QString());
    void undo() override;
    void redo() override;
    int id() const override { return m_mergeKey.isEmpty() ? -1 : kAssumptionsCommandId; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    Document* m_document;
    Assumptions m_before;
    Assumptions m_after;
    QString m_mergeKey;
};

// Replaces one whole value of the document through its getter and setter (Tiled's
// ChangeValue without merging): the workload (component fields, adding or removing components
// and route rules, waivers and forced families), the imported traffic, the scenario list.
template <typename T, const T& (Document::*Get)() const, void (Document::*Set)(T)>
class SetDocumentValueCommand : public QUndoCommand {
public:
    SetDocumentValueCommand(Document* document, T after, const QString& text)
        : m_document(document)
        , m_before((document->*Get)())
        , m_after(std::move(after))
    {
        setText(text);
    }
    void undo() override { (m_document->*Set)(m_before); }
    void redo() override { (m_document->*Set)(m_after); }

private:
    Document* m_document;
    T m_before;
    T m_after;
};

using SetWorkloadCommand = SetDocumentValueCommand<Workload, &Document::workload, &Document::setWorkload>;
using SetTrafficCommand = SetDocumentValueCommand<TrafficState, &Document::traffic, &Document::setTraffic>;
using SetScenariosCommand =
    SetDocumentValueCommand<QList<Scenario>, &Document::scenarios, &Document::setScenarios>;

}  // namespace archfit
