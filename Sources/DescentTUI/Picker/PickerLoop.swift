import DescentRender

/// Runs the picker on `terminal` until an entry is opened (returned) or the user quits (nil).
/// Sleeps on input between keys: nothing is drawn unless something changed.
public func runPicker(_ entries: [PickerEntry], on terminal: some TerminalDevice, glyphs: Glyphs) -> PickerEntry? {
    let size = terminal.size()
    var state = PickerState(entries: entries, width: size.width, height: size.height)
    let view = PickerView(glyphs: glyphs)
    terminal.present(view.compose(state))
    while true {
        guard let event = terminal.readEvent(timeoutMilliseconds: 1000) else { continue }
        guard let action = PickerKeymap.action(for: event) else { continue }
        switch state.apply(action) {
        case .open(let entry)?: return entry
        case .quit?: return nil
        case nil: terminal.present(view.compose(state))
        }
    }
}
