/// The learning-rate schedules, with `torch.optim.lr_scheduler` semantics where torch has them.
public enum Schedules {
    public static let all: [ScheduleEntry] = [
        ScheduleEntry(name: "constant", summary: "the base learning rate at every step",
                      reference: "torch.optim.lr_scheduler.ConstantLR(factor=1)", parameters: []) { _ in ConstantSchedule() },
    ]
}
