using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ScrapeLint.Model
{
    /// <summary>
    /// What a compilation's names say about the libraries it can see, read before anything is bound: the file names of its
    /// references (a package's assembly is a file named after it) and the namespaces its files declare. Asking the compilation
    /// itself (its referenced assemblies' identities, its global namespace) makes it load every reference first; in
    /// <c>csc</c> the analyzers' start runs beside the compiler's own first look at them, and whoever asks first pays (150 ms
    /// charged to ScrapeLint on a markdig build with nothing to analyse). A "no" here is final; a "yes" is confirmed by
    /// symbols. A reference with no file name (an image in memory) can be anything: it says yes. The references are those the
    /// compilation was given (a script's <c>#r</c> directives are not read: reading them binds).
    /// </summary>
    internal sealed class ReferenceHints
    {
        private static readonly ConditionalWeakTable<Compilation, ReferenceHints> Hints = new();

        private readonly HashSet<string> files = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private readonly Compilation compilation;
        private HashSet<string>? declared;

        private ReferenceHints(Compilation compilation)
        {
            this.compilation = compilation;
            foreach (var reference in compilation.ExternalReferences)
            {
                var name = reference switch
                {
                    PortableExecutableReference { FilePath: { Length: > 0 } path } => Path.GetFileNameWithoutExtension(path),
                    CompilationReference project => project.Compilation.AssemblyName,
                    _ => null,
                };
                HasProjects |= reference is CompilationReference;
                if (name is null)
                {
                    HasUnnamed = true;
                }
                else
                {
                    files.Add(name);
                }
            }
        }

        public static ReferenceHints For(Compilation compilation) => Hints.GetValue(compilation, c => new ReferenceHints(c));

        /// <summary>Some reference has no file name to tell it by.</summary>
        public bool HasUnnamed { get; }

        /// <summary>Some reference is another project's compilation (in a workspace), whose namespaces are not read here.</summary>
        public bool HasProjects { get; }

        /// <summary>A reference is the file of this assembly (its simple name, in any case).</summary>
        public bool HasFile(string assemblyName) => files.Contains(assemblyName);

        /// <summary>A reference's file name has <paramref name="part"/> (in any case), or some reference has no file name.</summary>
        public bool MayHaveFileWith(string part) => AnyFile(part, prefix: false);

        /// <summary>A reference's file name starts with <paramref name="prefix"/> (in any case), or some reference has no file name.</summary>
        public bool MayHaveFileStarting(string prefix) => AnyFile(prefix, prefix: true);

        private bool AnyFile(string part, bool prefix)
        {
            if (HasUnnamed)
            {
                return true;
            }

            foreach (var file in files)
            {
                var at = file.IndexOf(part, StringComparison.OrdinalIgnoreCase);
                if (prefix ? at == 0 : at >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The library may be referenced or declared (<see cref="KnownSymbols.References(string, string)"/> can be true): a
        /// reference is the file of one of its assemblies (<c>|</c>-separated), a file declares the namespace of one of its
        /// types (by metadata name), or some reference has no file name.
        /// </summary>
        public bool MayReference(string assemblyNames, string metadataNames)
        {
            if (HasUnnamed)
            {
                return true;
            }

            foreach (var name in assemblyNames.Split('|'))
            {
                if (HasFile(name))
                {
                    return true;
                }
            }

            foreach (var metadataName in metadataNames.Split('|'))
            {
                if (DeclaresNamespaceOf(metadataName))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A file declares the namespace of the type with this metadata name (<c>HtmlAgilityPack</c> for <c>HtmlAgilityPack.HtmlWeb</c>).</summary>
        public bool DeclaresNamespaceOf(string metadataName)
        {
            var dot = metadataName.LastIndexOf('.');
            return dot > 0 && Declares(metadataName.Substring(0, dot));
        }

        /// <summary>
        /// A file declares the namespace (<c>OpenQA.Selenium</c>) or one inside it. The files' namespaces are read on the first
        /// question (a project whose references name a library never asks), from their parsed roots: nothing to cancel.
        /// </summary>
        public bool Declares(string dottedName)
        {
            if (declared is null)
            {
                var names = new HashSet<string>(StringComparer.Ordinal);
                foreach (var tree in compilation.SyntaxTrees)
                {
                    if (tree.GetRoot() is CompilationUnitSyntax unit)
                    {
                        Declare(unit.Members, null, names);
                    }
                }

                declared = names;
            }

            return declared.Contains(dottedName);
        }

        /// <summary>
        /// The compilation may see the namespace from its own files or a reference whose namespaces are not known here (an
        /// image in memory, another project of a workspace); a reference file is told by its name (<see cref="MayHaveFileWith"/>).
        /// </summary>
        public bool MaySee(string dottedName) => HasUnnamed || HasProjects || Declares(dottedName);

        /// <summary>Records each declared namespace with its enclosing ones (<c>A.B.C</c> declares <c>A</c> and <c>A.B</c>).</summary>
        private static void Declare(SyntaxList<MemberDeclarationSyntax> members, string? outer, HashSet<string> declared)
        {
            foreach (var member in members)
            {
                if (member is BaseNamespaceDeclarationSyntax ns)
                {
                    var name = outer;
                    foreach (var part in ns.Name.ToString().Split('.'))
                    {
                        name = name is null ? part.Trim() : name + "." + part.Trim();
                        declared.Add(name);
                    }

                    Declare(ns.Members, name, declared);
                }
            }
        }
    }
}
