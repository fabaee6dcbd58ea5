using Microsoft.CodeAnalysis;

namespace ScrapeLint.Model
{
    internal enum IterationKind
    {
        /// <summary>for, foreach, await foreach, while, do.</summary>
        Loop,

        /// <summary>A lambda run once per element: Select/SelectMany, List.ForEach.</summary>
        Projection,

        /// <summary>Parallel.For/ForEach/ForEachAsync.</summary>
        Parallel,

        /// <summary>A method that requests a URL and calls itself with another.</summary>
        Recursion,

        /// <summary>Task.Run inside a loop: not an iteration itself, but it makes the loop's requests concurrent.</summary>
        StartedTask,
    }

    /// <summary>The context that makes a request run once per element of something.</summary>
    internal sealed class Iteration
    {
        public Iteration(IterationKind kind, SyntaxNode node, string description)
        {
            Kind = kind;
            Node = node;
            Description = description;
        }

        public IterationKind Kind { get; }

        /// <summary>The loop statement, the lambda, or the recursive call.</summary>
        public SyntaxNode Node { get; }

        /// <summary>Words for the message: "element of 'handles'", "iteration of the while loop".</summary>
        public string Description { get; }

        /// <summary>Requests of different elements run at the same time (Task.WhenAll, Parallel).</summary>
        public bool IsConcurrent { get; set; }

        /// <summary>The concurrency is bounded (MaxDegreeOfParallelism, chunks).</summary>
        public bool IsBounded { get; set; }

        /// <summary>The call that fans out (Task.WhenAll, Parallel.ForEach), for SL2003.</summary>
        public Location? FanOutLocation { get; set; }

        public string FanOutName { get; set; } = "";
    }
}
