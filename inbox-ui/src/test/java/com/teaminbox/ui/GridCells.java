package com.teaminbox.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._fetch;
import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._getColumnByHeader;
import static com.github.mvysny.kaributesting.v10.GridKt._size;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import java.util.ArrayList;
import java.util.List;

/**
 * The component cells of a grid (badges, named cells), rendered for a row as the browser would
 * get them. Karibu-Testing reads text columns itself but never attaches a cell's component, so
 * a locator cannot find it by its id.
 */
public final class GridCells {

    private GridCells() {
    }

    /** The text of the cell under this column header in this row. */
    public static <T> String under(Grid<T> grid, int row, String header) {
        return render(_getColumnByHeader(grid, header), _get(grid, row)).getElement().getTextRecursively();
    }

    /** The text of the cell that carries this id (as the browser tests find it), whatever its row and column. */
    public static <T> String withId(Grid<T> grid, String id) {
        List<String> ids = new ArrayList<>();
        for (T item : _fetch(grid, 0, _size(grid))) {
            for (Grid.Column<T> column : grid.getColumns()) {
                if (column.getRenderer() instanceof ComponentRenderer<?, ?>) {
                    Component cell = render(column, item);
                    if (cell.getId().filter(id::equals).isPresent()) {
                        return cell.getElement().getTextRecursively();
                    }
                    cell.getId().ifPresent(ids::add);
                }
            }
        }
        throw new AssertionError("No cell with id " + id + " in " + grid.getId().orElse("the grid") + "; there are " + ids);
    }

    @SuppressWarnings("unchecked")
    private static <T> Component render(Grid.Column<T> column, T item) {
        return ((ComponentRenderer<? extends Component, T>) column.getRenderer()).createComponent(item);
    }
}
