import DescentCore
import Foundation
import Testing
@testable import DescentScenes

/// Bad scene files and the exact diagnostics they produce.
@Suite struct BadSceneTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var expected: [String]
        var testDescription: String { name }
    }

    static let header = """
        title = "t"
        description = "d"
        [surface]
        name = "quadratic"
        [run]
        start = [1, 1]

        """

    static let cases: [Case] = [
        Case(name: "order out of range", text: "order = -1\n" + header + "[[optimizer]]\nspec = \"sgd\"\n", expected: [
            "bad.toml:1:9: order: must be between 0 and 1000000, got -1",
        ]),
        Case(name: "order as text", text: "order = \"first\"\n" + header + "[[optimizer]]\nspec = \"sgd\"\n", expected: [
            "bad.toml:1:9: order: must be an integer, got a string",
        ]),
        Case(name: "syntax error", text: "title = \"t\"\nsteps = = 3\n", expected: [
            "bad.toml:2:9: TOML syntax: expected a value, found '='",
        ]),
        Case(name: "unknown key and optimizer", text: header + "stpes = 1\n[[optimizer]]\nspec = \"adamm(lr=0.1)\"\n", expected: [
            "bad.toml:7:1: run.stpes: unknown key; did you mean 'steps'? valid: start, steps, tolerance, speed, layout, seed, schedule",
            "bad.toml:9:9: optimizer[0].spec: unknown optimizer 'adamm'; did you mean 'adam' or 'adamw' or 'adamax'? valid: "
                + Registry.builtin.optimizers.map(\.name).joined(separator: ", "),
        ]),
        Case(name: "wrong types", text: """
            title = 3
            description = "d"
            [surface]
            name = "quadratic"
            [run]
            start = [1, "a"]
            steps = "200"
            layout = "stacked"
            [[optimizer]]
            spec = "sgd(lr=0.1)"
            color = "oragne"
            """, expected: [
            "bad.toml:1:9: title: must be a string, got an integer",
            "bad.toml:6:13: run.start[1]: must be a number, got a string",
            "bad.toml:7:9: run.steps: must be an integer, got a string",
            "bad.toml:8:10: run.layout: must be one of 'overlay', 'grid', got 'stacked'",
            "bad.toml:11:9: optimizer[0].color: unknown colour 'oragne'; did you mean 'orange'? use #RRGGBB or one of "
                + "orange, sky_blue, bluish_green, yellow, blue, vermillion, reddish_purple, white, grey",
        ]),
        Case(name: "missing fields", text: "[run]\nsteps = 10\n", expected: [
            "bad.toml:1:1: title: missing; a scene needs a title (a string)",
            "bad.toml:1:1: description: missing; a scene needs a description (a string)",
            "bad.toml:1:1: surface: missing; a scene needs a surface race ([surface] and [[optimizer]]), a training race ([training]), or both",
        ]),
        Case(name: "a surface without optimizers", text: "title = \"t\"\ndescription = \"d\"\n[surface]\nname = \"saddle\"\n", expected: [
            "bad.toml:1:1: optimizer: missing; a scene needs at least one [[optimizer]] with a spec",
        ]),
        Case(name: "out of range", text: header + "steps = 0\nspeed = 1e9\n[[optimizer]]\nspec = \"sgd(lr=-1)\"\n[[notes]]\nstep = 5\n", expected: [
            "bad.toml:7:9: run.steps: must be between 1 and 10000000, got 0",
            "bad.toml:8:9: run.speed: must be between 1 and 5000, got 1000000000",
            "bad.toml:10:13: optimizer[0].spec: sgd: 'lr' must be >= 0, got -1",
            "bad.toml:11:3: notes[0].text: missing; a note needs its text",
        ]),
        Case(name: "note after the end", text: header + "steps = 10\n[[optimizer]]\nspec = \"sgd\"\n[[notes]]\nstep = 11\ntext = \"late\"\n", expected: [
            "bad.toml:11:8: notes[0].step: must be between 0 and 10, got 11",
        ]),
        Case(name: "huge count", text: """
            title = "t"
            description = "d"
            [surface]
            name = "saddle"
            [cloud]
            count = 1000000
            center = [0, 0]
            radius = 0.1
            escape_radius = 1
            [[optimizer]]
            spec = "sgd(lr=0.1)"
            """, expected: [
            "bad.toml:6:9: cloud.count: must be between 1 and 10000, got 1000000",
        ]),
        Case(name: "too much work", text: """
            title = "t"
            description = "d"
            [surface]
            name = "saddle"
            [run]
            steps = 1000
            [cloud]
            count = 10000
            center = [0, 0]
            radius = 0.1
            escape_radius = 1
            [[optimizer]]
            spec = "sgd(lr=0.1)"
            """, expected: [
            "bad.toml:6:9: run.steps: 1000 steps × 10000 runs is more than 5000000 recorded points; use fewer steps or runs",
        ]),
        Case(name: "unknown surface", text: "title = \"t\"\ndescription = \"d\"\n[surface]\nname = \"bael\"\n[run]\nstart = [1, 1]\n[[optimizer]]\nspec = \"sgd\"\n", expected: [
            "bad.toml:4:8: surface.name: unknown surface 'bael'; did you mean 'beale'? valid: "
                + Registry.builtin.surfaces.map(\.name).joined(separator: ", "),
        ]),
        Case(name: "surface parameters and schedule", text: """
            title = "t"
            description = "d"
            [surface]
            name = "elongated_bowl"
            condition = 0
            angel = 3
            [run]
            start = [1, 1]
            schedule = "cosin(t_max=3)"
            [[optimizer]]
            spec = "sgd(lr=0.1)"
            """, expected: [
            "bad.toml:5:13: surface.condition: elongated_bowl: 'condition' must be >= 1, got 0",
            "bad.toml:6:1: surface.angel: unknown key; did you mean 'angle'? valid: name, view, condition, angle",
            "bad.toml:9:13: run.schedule: unknown schedule 'cosin'; did you mean 'cosine'? valid: "
                + Registry.builtin.schedules.map(\.name).joined(separator: ", "),
        ]),
        Case(name: "escape sequences, expression and view", text: """
            title = "t\\u001b[2J"
            description = "d"
            [surface]
            expr = "x^2 + * y"
            view = { x = [1, -1] }
            [run]
            start = [1, 1]
            [[optimizer]]
            spec = "sgd(lr=0.1)"
            """, expected: [
            "bad.toml:1:9: title: must be one line without control characters",
            "bad.toml:4:15: surface.expr: bad expression at column 7: expected an operand after '+'",
            "bad.toml:5:1: surface.view.y: missing; a view needs x = [low, high] and y = [low, high]",
            "bad.toml:5:14: surface.view.x: the low end must be below the high end, got [1, -1]",
        ]),
        Case(name: "noise and gradient", text: header + "[noise]\nsigma = 1\neta = 2\n[[optimizer]]\nspec = \"sgd(lr=0.1)\"\ngradient = \"full\"\n", expected: [
            "bad.toml:8:1: noise.sigma: give sigma (constant noise) or eta and gamma (annealed noise), not both",
            "bad.toml:12:1: optimizer[0].gradient: only a scene with [data] has minibatch gradients; remove gradient",
        ]),
        Case(name: "data", text: """
            title = "t"
            description = "d"
            [data]
            kind = "least_squares"
            n = 10
            batch_size = 11
            [run]
            start = [1, 1]
            [[optimizer]]
            spec = "sgd(lr=0.1)"
            gradient = "half"
            """, expected: [
            "bad.toml:6:14: data.batch_size: must be between 1 and 10, got 11",
            "bad.toml:11:12: optimizer[0].gradient: must be one of 'minibatch', 'full', 'matched_noise', got 'half'",
        ]),
        Case(name: "unknown data kind", text: "title = \"t\"\ndescription = \"d\"\n[data]\nkind = \"least_square\"\n[run]\nstart = [1, 1]\n[[optimizer]]\nspec = \"sgd\"\n", expected: [
            "bad.toml:4:8: data.kind: unknown data kind 'least_square'; did you mean 'least_squares'? valid: least_squares, logistic, sparse_least_squares",
        ]),
        Case(name: "hogwild without a finite sum", text: header + "[[optimizer]]\nspec = \"hogwild(lr=0.1)\"\n", expected: [
            "bad.toml:8:8: optimizer[0].spec: " + DistributedOptimizers.noSamples,
        ]),
        Case(name: "hogwild behind transforms", text: """
            title = "t"
            description = "d"
            [data]
            kind = "sparse_least_squares"
            batch_size = 1
            [noise]
            sigma = 1
            [run]
            start = [1, 1]
            [[optimizer]]
            spec = "hogwild"
            [[optimizer]]
            spec = "clip_norm(max_norm=1) | hogwild"
            """, expected: [
            "bad.toml:11:8: optimizer[0].spec: hogwild draws its own single samples, which [noise] never reaches; remove [noise]",
            "bad.toml:13:9: optimizer[1].spec: hogwild draws its own single samples, which the transforms before it never see; remove them",
        ]),
        Case(name: "hogwild given another gradient", text: """
            title = "t"
            description = "d"
            [data]
            kind = "sparse_least_squares"
            overlap = 1.5
            batch_size = 1
            [run]
            start = [1, 1]
            [[optimizer]]
            spec = "hogwild(lr=0.1, workers=4)"
            gradient = "full"
            [[optimizer]]
            spec = "hogwild(lr=0.1, noise=1)"
            """, expected: [
            "bad.toml:5:11: data.overlap: sparse_least_squares: 'overlap' must be [0, 1], got 1.5",
            "bad.toml:11:1: optimizer[0].gradient: hogwild draws its own single samples; remove gradient",
            "bad.toml:13:25: optimizer[1].spec: hogwild has no parameter 'noise'; valid: lr, workers",
        ]),
        Case(name: "noise in front of workers that compute their own gradients", text: """
            title = "t"
            description = "d"
            [data]
            kind = "least_squares"
            batch_size = 5
            [noise]
            sigma = 1
            [run]
            start = [1, 1]
            [[optimizer]]
            spec = "async_sgd(lr=0.1)"
            [[optimizer]]
            spec = "downpour(lr=0.1)"
            gradient = "matched_noise"
            [[optimizer]]
            spec = "clip_norm(max_norm=1) | easgd"
            [[optimizer]]
            spec = "sync_sgd(lr=0.1, noise=1)"
            gradient = "full"
            """, expected: [
            "bad.toml:11:8: optimizer[0].spec: async_sgd computes its workers' own gradients (give them noise with noise=σ), which [noise] never reaches; remove [noise]",
            "bad.toml:13:8: optimizer[1].spec: downpour computes its workers' own gradients (give them noise with noise=σ), which [noise] never reaches; remove [noise]",
            "bad.toml:14:1: optimizer[1].gradient: downpour computes its workers' own gradients (give them noise with noise=σ), which matched noise never reaches; use minibatch or full",
            "bad.toml:16:9: optimizer[2].spec: easgd computes its workers' own gradients (give them noise with noise=σ), which the transforms before it never see; remove them",
            "bad.toml:18:8: optimizer[3].spec: sync_sgd computes its workers' own gradients (give them noise with noise=σ), which [noise] never reaches; remove [noise]",
        ]),
    ]

    /// A training-only scene's first lines: line 7 is the first free one.
    static let training = """
        title = "t"
        description = "d"
        [training]
        dataset = "moons"
        batch_size = 8
        epochs = 2

        """

    static let trainingCases: [Case] = [
        Case(name: "training: hogwild", text: training + "[[training.optimizer]]\nspec = \"hogwild(workers=2)\"\n", expected: [
            "bad.toml:8:8: training.optimizer[0].spec: hogwild draws single samples of a finite sum, which a training race's net is not; "
                + "race it in [[optimizer]] with [data]",
        ]),
        Case(name: "training: unknown keys", text: training + "sampels = 100\n[[training.optimizer]]\nspec = \"sgd(lr=0.1)\"\nlable = \"x\"\n", expected: [
            "bad.toml:7:1: training.sampels: unknown key; did you mean 'samples'? valid: dataset, samples, noise, validation, net, "
                + "activation, loss, init, batch_size, epochs, eval_every, walk_every, seed, optimizer, notes, images, labels, validation_images, validation_labels, tune",
            "bad.toml:10:1: training.optimizer[0].lable: unknown key; did you mean 'label'? valid: spec, label, color, schedule, batch_size, tune",
        ]),
        Case(name: "training: data set, batch size, epochs, width and spec", text: """
            title = "t"
            description = "d"
            [training]
            dataset = "spiral"
            batch_size = "fool"
            epochs = 0
            net = "2-1100-2"
            [[training.optimizer]]
            spec = "sgd(lr=0.1, momentun=0.9)"
            """, expected: [
            "bad.toml:4:11: training.dataset: unknown data set 'spiral'; did you mean 'spirals'? valid: moons, circles, spirals, xor, blobs, checkerboard, idx",
            "bad.toml:5:14: training.batch_size: must be an integer from 1 to 1000000 or \"full\", got 'fool'",
            "bad.toml:6:10: training.epochs: must be between 1 and 100000, got 0",
            "bad.toml:7:7: training.net: every layer width must be between 1 and 1024 (the limit), got 1100",
            "bad.toml:9:21: training.optimizer[0].spec: sgd has no parameter 'momentun'; valid: "
                + Registry.builtin.optimizers.first { $0.name == "sgd" }!.parameters.map(\.name).joined(separator: ", "),
        ]),
        Case(name: "training: the net does not fit the data", text: """
            title = "t"
            description = "d"
            [training]
            dataset = "blobs"
            net = "2-8-2"
            batch_size = 8
            epochs = 2
            [[training.optimizer]]
            spec = "sgd(lr=0.1)"
            """, expected: [
            "bad.toml:5:7: training.net: the net '2-8-2' has 2 outputs but the data have 3 classes; end the net in 3",
        ]),
        Case(name: "training: too many parameters", text: training + "net = \"2-1000-1000-2\"\n[[training.optimizer]]\nspec = \"sgd(lr=0.1)\"\n", expected: [
            // 1000·(2 + 1) + 1000·(1000 + 1) + 2·(1000 + 1) weights and biases.
            "bad.toml:7:7: training.net: the net '2-1000-1000-2' has 1006002 parameters; at most 1000000 (the limit)",
        ]),
        Case(name: "training: batch size 0 and no samples left to train on", text: """
            title = "t"
            description = "d"
            [training]
            dataset = "xor"
            samples = 3
            validation = 0.9
            batch_size = 0
            epochs = 2
            [[training.optimizer]]
            spec = "adam"
            batch_size = 2.5
            """, expected: [
            "bad.toml:6:14: training.validation: holds out ⌈0.9·3⌉ = 3 of the 3 samples, leaving none to train on",
            "bad.toml:7:14: training.batch_size: must be an integer from 1 to 1000000 or \"full\", got 0",
            "bad.toml:11:14: training.optimizer[0].batch_size: must be an integer from 1 to 1000000 or \"full\", got a number",
        ]),
        Case(name: "training: surface-race keys in a training-only scene", text: """
            title = "t"
            description = "d"
            [run]
            start = [1, 1]
            seed = 2
            steps = 10
            speed = 0
            [[notes]]
            step = 1
            text = "n"
            [training]
            dataset = "moons"
            batch_size = 8
            epochs = 2
            [[training.optimizer]]
            spec = "sgd(lr=0.1)"
            [[training.notes]]
            epoch = 3
            text = "late"
            """, expected: [
            "bad.toml:4:1: run.start: configures the surface race and this scene has only a training race; remove it",
            "bad.toml:6:1: run.steps: configures the surface race and this scene has only a training race; remove it",
            "bad.toml:7:1: run.speed: configures the surface race and this scene has only a training race; remove it",
            "bad.toml:8:3: notes: [[notes]] caption the surface race and this scene has only a training race; use [[training.notes]] with an epoch",
            "bad.toml:18:9: training.notes[0].epoch: must be between 0 and 2, got 3",
        ]),
        Case(name: "training: optimizers without a surface", text: training + "validation = 1\n[[optimizer]]\nspec = \"sgd\"\n[[training.optimizer]]\nspec = \"sgd\"\n", expected: [
            "bad.toml:7:14: training.validation: must lie strictly between 0 and 1, got 1",
            "bad.toml:8:3: optimizer: [[optimizer]] races on a [surface] and this scene has only a training race; add a [surface], "
                + "or put training optimizers in [[training.optimizer]]",
        ]),
        Case(name: "training: [data] without optimizers, and no training optimizers", text: training + "optimizer = []\n[data]\nkind = \"logistic\"\n", expected: [
            "bad.toml:7:13: training.optimizer: a training race needs at least one [[training.optimizer]] with a spec",
            "bad.toml:8:2: data: [data] makes the surface of a surface race and this scene has only a training race; the training data set is training.dataset",
        ]),
        Case(name: "training: too much work", text: """
            title = "t"
            description = "d"
            [training]
            dataset = "moons"
            batch_size = 1
            epochs = 10000
            [[training.optimizer]]
            spec = "sgd"
            """, expected: [
            // 1000 samples, 800 of them for training: 800 steps per epoch.
            "bad.toml:6:10: training.epochs: 10000 epochs × 800 steps × 1 optimizers is more than 5000000 recorded steps; "
                + "use fewer epochs, samples or optimizers, or larger batches",
        ]),
        Case(name: "training: one optimizer table instead of an array", text: training + "[training.optimizer]\nspec = \"sgd\"\n", expected: [
            "bad.toml:7:2: training.optimizer: must be an array of tables ([[training.optimizer]]), got a table",
        ]),
        Case(name: "training: not a table", text: "title = \"t\"\ndescription = \"d\"\ntraining = 3\n", expected: [
            "bad.toml:3:12: training: must be a table, got an integer",
        ]),
        Case(name: "training: a surface race that lacks optimizers", text: """
            title = "t"
            description = "d"
            [surface]
            name = "saddle"
            [run]
            start = [1, 1]
            [training]
            dataset = "moons"
            batch_size = 8
            epochs = 2
            [[training.optimizer]]
            spec = "sgd"
            """, expected: [
            "bad.toml:1:1: optimizer: missing; a scene needs at least one [[optimizer]] with a spec",
        ]),
    ]

    @Test(arguments: cases + trainingCases)
    func diagnostics(_ c: Case) {
        do {
            _ = try Scene.parse(c.text, file: "bad.toml", registry: .builtin)
            Issue.record("\(c.name) loaded")
        } catch {
            #expect(error.diagnostics.map(\.description) == c.expected)
        }
    }

    @Test func notUTF8() {
        // "ti\na" then the byte 0xFF: line 2, column 2.
        #expect(throws: SceneLoadError([SceneDiagnostic(file: "bad.toml", position: .init(line: 2, column: 2),
                                                        message: "not UTF-8 text: a scene file must be UTF-8")])) {
            try Scene.parse(bytes: [0x74, 0x69, 0x0a, 0x61, 0xff, 0x62], file: "bad.toml", registry: .builtin)
        }
    }

    @Test func nulCharacter() {
        #expect(throws: SceneLoadError([SceneDiagnostic(file: "bad.toml", position: .init(line: 1, column: 11),
                                                        message: "a NUL character is not allowed in a TOML file")])) {
            try Scene.parse(bytes: Array("title = \"a\0b\"".utf8), file: "bad.toml", registry: .builtin)
        }
    }

    @Test func randomBytesNeverCrash() {
        var generator = Xoshiro256(seed: 9)
        for _ in 0..<300 {
            let bytes = (0..<Int(generator.next() % 200)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            #expect(throws: SceneLoadError.self) { try Scene.parse(bytes: bytes, file: "r.toml", registry: .builtin) }
        }
    }

    @Test func aMissingFileIsOneUnreadableError() {
        do {
            _ = try Scene.load(path: "/nonexistent/scene.toml", registry: .builtin)
            Issue.record("loaded")
        } catch {
            // Not a FILE:1:1 diagnostic: the file has no lines to point at.
            #expect(error.diagnostics.isEmpty)
            #expect(error.description == "/nonexistent/scene.toml: no such file")
        }
    }
}
