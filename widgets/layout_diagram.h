#pragma once
// The recommended layout as a diagram: one lane per family (serverless / container / VM, plus
// "no feasible family" when a component is blocked everywhere), each component a box in the
// lane of its assignment, synchronous calls as arrows, the container components that share one
// Kubernetes cluster grouped in a dashed frame, boxes coloured by confidence, and a badge with
// the number of findings that name the component. Clicking a box emits componentSelected().

#include "archfit/score/analysis_result.h"
#include "archfit/util/result.h"

#include <QGraphicsView>
#include <QHash>

#include <memory>

class QGraphicsRectItem;
class QPainterPath;

namespace archfit {

class LayoutDiagram : public QGraphicsView {
    Q_OBJECT

public:
    explicit LayoutDiagram(QWidget* parent = nullptr);

    // Rebuilds the scene from `result` (nullptr: empty state). Keeps the selection when the
    // selected component is still there.
    void setResult(std::shared_ptr<const AnalysisResult> result);
    // Highlights the box of `id` (no signal); an unknown or empty id clears the highlight.
    void selectComponent(const QString& id);
    QString selectedComponent() const { return m_selected; }

    // Writes the whole diagram to `path`: ".svg" (vector) or ".png" (2x the scene size). On
    // failure one Diagnostic as exportChart() gives ("format" or "io").
    Result<bool> exportTo(const QString& path) const;

    // What is drawn (for tests and for the screen reader): component ids per lane, in order.
    QStringList laneComponents(Family family) const;
    QStringList unassignedComponents() const;
    QStringList clusterComponents() const;   // inside the Kubernetes group
    int arrowCount() const { return m_arrows; }
    int badgeCount(const QString& id) const;  // findings naming the component
    QRectF boxRect(const QString& id) const;  // in scene coordinates; empty when not drawn
    bool isEmptyState() const { return !m_result; }

signals:
    void componentSelected(const QString& id);

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    bool event(QEvent* event) override;

private:
    struct Box {
        QString id;
        QGraphicsRectItem* item = nullptr;
        int lane = 0;  // Family index, 3 = unassigned
        int row = 0;
        int column = 0;
        int findings = 0;
    };

    void rebuild();
    void drawEmptyState();
    void drawLane(int lane, const std::vector<const ComponentResult*>& members, double& y);
    void drawBox(const ComponentResult& c, int lane, int row, int column, const QPointF& topLeft,
                 bool inCluster);
    void drawArrows();
    // The path of a call arrow from `a` to `b`, leaving through slot `out` of `outs` on a's
    // edge and entering through slot `in` of `ins`; sets the tip and the point it comes from.
    QPainterPath route(const Box& a, const Box& b, int out, int outs, int in, int ins,
                       QPointF& tip, QPointF& from) const;
    void drawLegend(double y);
    void updateHighlight();
    void fitScene();

    std::shared_ptr<const AnalysisResult> m_result;
    QHash<QString, Box> m_boxes;
    QStringList m_lanes[4];
    QRectF m_laneRects[4];
    QStringList m_cluster;
    QString m_selected;
    int m_arrows = 0;
    int m_columns = 3;  // box columns of the widest lane (all lanes share the grid)
};

}  // namespace archfit
