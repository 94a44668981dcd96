using System.Globalization;

namespace Forum.Bench;

/// <summary>
/// <c>bare-server --urls URL</c>: the baseline, a bare SignalR hub that broadcasts each submission to one group.
/// <c>run ...</c>: sets up a forum, then runs the live fan-out (Forum vs bare, alternated) and the room-at-once scenarios.
/// bench/run.sh starts both servers and PostgreSQL, and calls <c>run</c>.
/// </summary>
public static class BenchMain
{
    public static async Task<int> Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        if (args.Length == 0) { Console.Error.WriteLine(Options.Usage); return 2; }
        var verb = args[0];
        var options = Options.Parse(args.Skip(1).ToArray());
        switch (verb)
        {
            case "bare-server":
                await BareServer.Run(options.Urls ?? "http://127.0.0.1:5090");
                return 0;
            case "run":
                return await LoadGenerator.Run(options);
            default:
                Console.Error.WriteLine(Options.Usage);
                return 2;
        }
    }
}

public sealed class Options
{
    public const string Usage = """
        Forum.Bench bare-server --urls http://127.0.0.1:PORT
        Forum.Bench run --forum URL[,URL2] --forum-pid PID[,PID2] --bare URL --bare-pid PID --db CONN [--schema bench] [--pg-pid PID]
                        [--sizes 200,1000] [--reps 5] [--duration 20] [--rate 20] [--warmup 5]
                        [--room 200] [--room-spread 1000] [--room-spread-seconds 10] [--room-reps 5]
                        [--scenarios live,room] [--idle 5000] [--idle-reps 1] [--gc] [--out DIR]
        """;

    public string? Urls { get; set; }
    /// <summary>One Forum host, or several behind one Redis: participants (and their submissions) are dealt out to them in turn.</summary>
    public string[] Forums { get; set; } = [];
    public int[] ForumPids { get; set; } = [];
    public string Forum => Forums[0];
    public string ForumFor(int memberIndex) => Forums[memberIndex % Forums.Length];
    public string Bare { get; set; } = "";
    public int BarePid { get; set; }
    public int PgPid { get; set; }
    public string Db { get; set; } = "";
    public string Schema { get; set; } = "bench";
    public int[] Sizes { get; set; } = [200, 1000];
    public int Reps { get; set; } = 5;
    public double Duration { get; set; } = 20;
    public double Rate { get; set; } = 20;
    public double Warmup { get; set; } = 5;
    public int Room { get; set; } = 200;
    public int RoomSpread { get; set; } = 1000;
    public double RoomSpreadSeconds { get; set; } = 10;
    public int RoomReps { get; set; } = 5;
    public HashSet<string> Scenarios { get; set; } = ["live", "room"];
    /// <summary>Idle connections to hold, after the other scenarios (0: none).</summary>
    public int Idle { get; set; }
    public int IdleReps { get; set; } = 1;
    public string Out { get; set; } = "bench/results";
    /// <summary>Watch each server's GC events during each live run (GcWatch) and report them beside the run.</summary>
    public bool Gc { get; set; }

    public static Options Parse(string[] args)
    {
        var o = new Options();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--urls": o.Urls = Next(); break;
                case "--forum": o.Forums = Next().Split(',').Select(u => u.TrimEnd('/')).ToArray(); break;
                case "--forum-pid": o.ForumPids = Next().Split(',').Select(int.Parse).ToArray(); break;
                case "--bare": o.Bare = Next().TrimEnd('/'); break;
                case "--bare-pid": o.BarePid = int.Parse(Next()); break;
                case "--pg-pid": o.PgPid = int.Parse(Next()); break;
                case "--db": o.Db = Next(); break;
                case "--schema": o.Schema = Next(); break;
                case "--sizes": o.Sizes = Next().Split(',').Select(int.Parse).ToArray(); break;
                case "--reps": o.Reps = int.Parse(Next()); break;
                case "--duration": o.Duration = double.Parse(Next()); break;
                case "--rate": o.Rate = double.Parse(Next()); break;
                case "--warmup": o.Warmup = double.Parse(Next()); break;
                case "--room": o.Room = int.Parse(Next()); break;
                case "--room-spread": o.RoomSpread = int.Parse(Next()); break;
                case "--room-spread-seconds": o.RoomSpreadSeconds = double.Parse(Next()); break;
                case "--room-reps": o.RoomReps = int.Parse(Next()); break;
                case "--scenarios": o.Scenarios = Next().Split(',').Where(x => x.Length > 0).ToHashSet(); break;
                case "--idle": o.Idle = int.Parse(Next()); break;
                case "--idle-reps": o.IdleReps = int.Parse(Next()); break;
                case "--out": o.Out = Next(); break;
                case "--gc": o.Gc = true; break;
                default: throw new ArgumentException($"unknown option {args[i]}\n{Usage}");
            }
        }
        // Every loop is bounded: refuse figures that would make a run unbounded or absurd.
        if (o.Sizes.Any(s => s is < 1 or > 5000)) throw new ArgumentException("--sizes: 1..5000");
        if (o.Idle is < 0 or > 10000 || o.IdleReps is < 1 or > 10) throw new ArgumentException("--idle: 0..10000, --idle-reps 1..10");
        if (o.Reps is < 1 or > 50 || o.RoomReps is < 0 or > 50) throw new ArgumentException("--reps/--room-reps: 1..50");
        if (o.Duration is <= 0 or > 600 || o.Rate is <= 0 or > 1000) throw new ArgumentException("--duration 0..600 s, --rate 0..1000/s");
        return o;
    }
}
