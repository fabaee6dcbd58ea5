using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ScrapeLint.Model
{
    internal enum AssignmentKind
    {
        /// <summary><c>var x = v</c> or <c>x = v</c>.</summary>
        Value,

        /// <summary><c>x += v</c>, <c>x++</c>: the value builds on the previous one.</summary>
        Update,

        /// <summary>An <c>out</c> argument: <c>queue.TryDequeue(out var url)</c>.</summary>
        Out,

        /// <summary>The variable of a <c>foreach</c>.</summary>
        ForEach,
    }

    /// <summary>One place where a local gets a value.</summary>
    internal readonly struct Assignment
    {
        public Assignment(AssignmentKind kind, IOperation site, IOperation? value)
        {
            Kind = kind;
            Site = site;
            Value = value;
        }

        public AssignmentKind Kind { get; }

        /// <summary>The assignment, declarator, invocation (out) or loop.</summary>
        public IOperation Site { get; }

        /// <summary>The assigned value, the invocation that writes the out argument, or the loop's collection.</summary>
        public IOperation? Value { get; }
    }

    /// <summary>
    /// Facts of one method body gathered in a single walk of its operations: where each local gets its
    /// values, which members of locals are assigned (<c>builder.Path = …</c>), and what is added to local
    /// collections (<c>queue.Enqueue(link)</c>).
    /// </summary>
    internal sealed class BodyFacts
    {
        private static readonly HashSet<string> AddMethods = new HashSet<string>
        {
            "Add", "Enqueue", "Push", "TryAdd", "Post", "SendAsync", "Write", "WriteAsync", "TryWrite", "AddRange", "Insert", "AddLast", "AddFirst",
        };

        public BodyFacts(IOperation root, SemanticModel semanticModel, IMethodSymbol? method)
        {
            Root = root;
            SemanticModel = semanticModel;
            Method = method;
            Walk(root, isRoot: true);
        }

        public IOperation Root { get; }

        public SemanticModel SemanticModel { get; }

        /// <summary>The method, local function or entry point the body belongs to.</summary>
        public IMethodSymbol? Method { get; }

        public Dictionary<ILocalSymbol, List<Assignment>> Locals { get; } = new(SymbolEqualityComparer.Default);

        /// <summary>Member assignments on locals: (local, member name) → values.</summary>
        public Dictionary<(ILocalSymbol Local, string Member), List<IOperation>> Members { get; } = new();

        /// <summary>Values added to local or field collections, and the invocations that add them.</summary>
        public Dictionary<ISymbol, List<IInvocationOperation>> CollectionAdds { get; } = new(SymbolEqualityComparer.Default);

        public List<IInvocationOperation> Invocations { get; } = new();

        /// <summary>Method groups passed as arguments (<c>urls.Select(scraper.TitleAsync)</c>).</summary>
        public List<IMethodReferenceOperation> MethodGroupArguments { get; } = new();

        /// <summary>Every read of each local, for following a response to where it is used.</summary>
        public Dictionary<ILocalSymbol, List<ILocalReferenceOperation>> References { get; } = new(SymbolEqualityComparer.Default);

        /// <summary>Every read of each parameter of the body's method, for following what the method does with an argument.</summary>
        public Dictionary<IParameterSymbol, List<IParameterReferenceOperation>> ParameterReferences { get; } = new(SymbolEqualityComparer.Default);

        /// <summary>Assignments of a field or property (<c>driver.Url = …</c>, <c>_http = new HttpClient(…)</c>).</summary>
        public List<ISimpleAssignmentOperation> MemberAssignments { get; } = new();

        public bool MentionsRobotsTxt { get; private set; }

        public List<Assignment> AssignmentsOf(ILocalSymbol local)
            => Locals.TryGetValue(local, out var list) ? list : new List<Assignment>();

        private void Add(ILocalSymbol local, Assignment assignment)
        {
            if (!Locals.TryGetValue(local, out var list))
            {
                Locals[local] = list = new List<Assignment>();
            }

            list.Add(assignment);
        }

        /// <summary>Visits the body, but not the bodies of local functions declared in it: they are bodies of their own.</summary>
        private void Walk(IOperation operation, bool isRoot)
        {
            if (operation is ILocalFunctionOperation && !isRoot)
            {
                return;
            }

            Record(operation);
            foreach (var child in operation.ChildOperations)
            {
                Walk(child, isRoot: false);
            }
        }

        private void Record(IOperation operation)
        {
            switch (operation)
            {
                case ILocalReferenceOperation reference:
                    if (!References.TryGetValue(reference.Local, out var reads))
                    {
                        References[reference.Local] = reads = new List<ILocalReferenceOperation>();
                    }

                    reads.Add(reference);
                    break;
                case IParameterReferenceOperation parameter:
                    if (!ParameterReferences.TryGetValue(parameter.Parameter, out var uses))
                    {
                        ParameterReferences[parameter.Parameter] = uses = new List<IParameterReferenceOperation>();
                    }

                    uses.Add(parameter);
                    break;
                case IIsPatternOperation isPattern:
                    // x is { Length: > 0 } photoUrl, x is string url: the declared local holds the tested value.
                    foreach (var declared in isPattern.Pattern.DescendantsAndSelf())
                    {
                        var symbol = declared switch
                        {
                            IDeclarationPatternOperation pattern => pattern.DeclaredSymbol,
                            IRecursivePatternOperation recursive => recursive.DeclaredSymbol,
                            _ => null,
                        };
                        if (symbol is ILocalSymbol patternLocal && declared.Parent == isPattern)
                        {
                            Add(patternLocal, new Assignment(AssignmentKind.Value, isPattern, isPattern.Value));
                        }
                    }

                    break;
                case IDeconstructionAssignmentOperation deconstruction:
                    foreach (var element in deconstruction.Target.DescendantsAndSelf().OfType<ILocalReferenceOperation>())
                    {
                        Add(element.Local, new Assignment(AssignmentKind.Out, deconstruction, deconstruction.Value));
                    }

                    break;
                case ILiteralOperation { ConstantValue.Value: string text } when text.IndexOf("robots.txt", System.StringComparison.OrdinalIgnoreCase) >= 0:
                    MentionsRobotsTxt = true;
                    break;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } concatenation
                    when concatenation.Parent is not IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } && ConstantRunsMention(concatenation, "robots.txt"):
                    // origin + "/robo" + "ts.txt": the same path, spelled in parts.
                    MentionsRobotsTxt = true;
                    break;
                case IVariableDeclaratorOperation declarator:
                    var initializer = declarator.Initializer?.Value
                        ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer?.Value;
                    if (initializer is not null)
                    {
                        Add(declarator.Symbol, new Assignment(AssignmentKind.Value, declarator, initializer));
                    }

                    break;
                case ISimpleAssignmentOperation assignment:
                    if (assignment.Target is IPropertyReferenceOperation or IFieldReferenceOperation)
                    {
                        MemberAssignments.Add(assignment);
                    }

                    RecordTarget(assignment.Target, assignment, assignment.Value, AssignmentKind.Value);
                    break;
                case ICompoundAssignmentOperation compound:
                    RecordTarget(compound.Target, compound, compound.Value, AssignmentKind.Update);
                    break;
                case ICoalesceAssignmentOperation coalesce:
                    RecordTarget(coalesce.Target, coalesce, coalesce.Value, AssignmentKind.Value);
                    break;
                case IIncrementOrDecrementOperation increment:
                    RecordTarget(increment.Target, increment, null, AssignmentKind.Update);
                    break;
                case IForEachLoopOperation loop:
                    foreach (var local in loop.Locals)
                    {
                        Add(local, new Assignment(AssignmentKind.ForEach, loop, loop.Collection));
                    }

                    break;
                case IArgumentOperation { Parameter.RefKind: RefKind.Out or RefKind.Ref } argument when argument.Parent is IInvocationOperation call:
                    var target = argument.Value is IDeclarationExpressionOperation declaration ? declaration.Expression : argument.Value;
                    if (target is ILocalReferenceOperation outLocal)
                    {
                        Add(outLocal.Local, new Assignment(AssignmentKind.Out, call, call));
                    }

                    break;
                case IMethodReferenceOperation { Parent: IDelegateCreationOperation { Parent: IArgumentOperation or IConversionOperation } } methodGroup:
                    MethodGroupArguments.Add(methodGroup);
                    break;
                case IInvocationOperation invocation:
                    Invocations.Add(invocation);
                    if (AddMethods.Contains(invocation.TargetMethod.Name) && CollectionSymbol(invocation.Instance) is { } collection)
                    {
                        if (!CollectionAdds.TryGetValue(collection, out var adds))
                        {
                            CollectionAdds[collection] = adds = new List<IInvocationOperation>();
                        }

                        adds.Add(invocation);
                    }

                    break;
            }
        }

        /// <summary>The runs of adjacent constants in a string concatenation, joined, contain the text.</summary>
        private static bool ConstantRunsMention(IBinaryOperation concatenation, string text)
        {
            var run = new System.Text.StringBuilder();
            var found = false;
            Visit(concatenation);
            return found || run.ToString().IndexOf(text, System.StringComparison.OrdinalIgnoreCase) >= 0;

            void Visit(IOperation part)
            {
                if (found)
                {
                    return;
                }

                if (part.ConstantValue is { HasValue: true, Value: string constant })
                {
                    run.Append(constant);
                }
                else if (part is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } inner)
                {
                    Visit(inner.LeftOperand);
                    Visit(inner.RightOperand);
                }
                else
                {
                    found = run.ToString().IndexOf(text, System.StringComparison.OrdinalIgnoreCase) >= 0;
                    run.Clear();
                }
            }
        }

        private void RecordTarget(IOperation target, IOperation site, IOperation? value, AssignmentKind kind)
        {
            switch (target)
            {
                case ILocalReferenceOperation local:
                    Add(local.Local, new Assignment(kind, site, value));
                    break;
                case IPropertyReferenceOperation { Instance: ILocalReferenceOperation owner } property when value is not null:
                    AddMember(owner.Local, property.Property.Name, value);
                    break;
                case IPropertyReferenceOperation { Instance: IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver } } property when value is not null:
                    // Object initializer: new HttpRequestMessage { RequestUri = … } is read through the creation itself.
                    break;
                case IFieldReferenceOperation { Instance: ILocalReferenceOperation owner } field when value is not null:
                    AddMember(owner.Local, field.Field.Name, value);
                    break;
            }
        }

        private void AddMember(ILocalSymbol local, string member, IOperation value)
        {
            if (!Members.TryGetValue((local, member), out var list))
            {
                Members[(local, member)] = list = new List<IOperation>();
            }

            list.Add(value);
        }

        /// <summary>The local, field, parameter or property a collection operation refers to.</summary>
        public static ISymbol? CollectionSymbol(IOperation? operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return operation switch
            {
                ILocalReferenceOperation local => local.Local,
                IFieldReferenceOperation field => field.Field,
                IParameterReferenceOperation parameter => parameter.Parameter,
                IPropertyReferenceOperation property when property.Arguments.Length == 0 && property.Property.Name is not ("Writer" or "Reader") => property.Property,
                IPropertyReferenceOperation { Property.Name: "Writer" or "Reader" } channelEnd => CollectionSymbol(channelEnd.Instance),
                _ => null,
            };
        }
    }
}
