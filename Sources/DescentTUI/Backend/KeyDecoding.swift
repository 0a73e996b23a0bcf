extension Key {
    /// The key for a character code as the terminal sends it (ncurses `get_wch` returning `OK`):
    /// 9 → tab; 10 and 13 → enter; 27 → escape; 8 and 127 → backspace; other C0 controls
    /// 0…31 → `.ctrl` of the character 64 + code, lower-cased (1 → Ctrl-A, 28 → Ctrl-\);
    /// C1 controls (128…159) and invalid scalars → nil; anything else → `.character`.
    public init?(characterCode code: UInt32) {
        switch code {
        case 9: self = .tab
        case 10, 13: self = .enter
        case 27: self = .escape
        case 8, 127: self = .backspace
        case 0..<32:
            guard let scalar = Unicode.Scalar(code + 64) else { return nil }
            self = .ctrl(Character(String(scalar).lowercased()))
        case 128..<160: return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            self = .character(Character(scalar))
        }
    }
}
