extension Double {
  /// The number as a person writes it in a scenario or a message: a whole number without a
  /// decimal point (`1440`, `60`), any other in Swift's shortest round-tripping form
  /// (`0.25`, `1000000000000000.0`, `nan`).
  var plainText: String { self == rounded() && magnitude < 1e15 ? String(Int(self)) : String(self) }
}
